using System.Security.Cryptography;

namespace DogBreeds.Core.Features;

/// <summary>The identity of a photo: SHA-256 of its bytes.</summary>
public static class PhotoHash
{
    /// <summary>SHA-256 of <paramref name="bytes"/> as 64 lower-case hex digits.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>True when <paramref name="value"/> is 64 lower-case hex digits.</summary>
    public static bool IsSha256Hex(string? value) =>
        value is { Length: 64 } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
