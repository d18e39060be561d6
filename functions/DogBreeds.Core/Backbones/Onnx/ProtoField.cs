namespace DogBreeds.Core.Backbones.Onnx;

/// <summary>One field of a protobuf message as read from the wire.</summary>
/// <param name="Number">Field number.</param>
/// <param name="WireType">0 varint, 1 fixed64, 2 length-delimited, 5 fixed32.</param>
/// <param name="Value">The varint or fixed value (wire types 0, 1, 5).</param>
/// <param name="Payload">The bytes of a length-delimited field (wire type 2).</param>
/// <param name="Raw">The whole field, tag included, for copying it unchanged.</param>
internal readonly record struct ProtoField(int Number, int WireType, ulong Value, ReadOnlyMemory<byte> Payload, ReadOnlyMemory<byte> Raw);
