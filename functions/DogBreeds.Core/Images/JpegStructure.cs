namespace DogBreeds.Core.Images;

/// <summary>
/// Walks the marker segments of a JPEG stream to tell whether it reaches its end-of-image marker.
/// ImageSharp decodes a truncated JPEG silently (the missing part comes out grey), so truncation is
/// detected here, before decoding.
/// </summary>
internal static class JpegStructure
{
    private const byte MarkerPrefix = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;

    /// <summary>True when the JPEG data ends before its end-of-image marker.</summary>
    public static bool IsTruncated(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4 || data[0] != MarkerPrefix || data[1] != StartOfImage)
        {
            return data.Length < 4;
        }

        var pos = 2;
        while (true)
        {
            // Markers may be preceded by any number of 0xFF fill bytes.
            while (pos < data.Length && data[pos] == MarkerPrefix && pos + 1 < data.Length && data[pos + 1] == MarkerPrefix)
            {
                pos++;
            }

            if (pos + 1 >= data.Length)
            {
                return true;
            }

            if (data[pos] != MarkerPrefix)
            {
                // Not a marker where one must be: damaged rather than truncated; the decoder judges it.
                return false;
            }

            var marker = data[pos + 1];
            pos += 2;
            if (marker == EndOfImage)
            {
                return false;
            }

            if (IsStandalone(marker))
            {
                continue;
            }

            if (pos + 2 > data.Length)
            {
                return true;
            }

            var segmentLength = (data[pos] << 8) | data[pos + 1];
            pos += segmentLength;
            if (pos > data.Length)
            {
                return true;
            }

            if (marker == StartOfScan)
            {
                pos = SkipEntropyCodedData(data, pos);
                if (pos < 0)
                {
                    return true;
                }
            }
        }
    }

    private static bool IsStandalone(byte marker) => marker is 0x01 or (>= 0xD0 and <= 0xD7);

    /// <summary>Returns the position of the marker that ends the scan, or -1 when the data ends first.</summary>
    private static int SkipEntropyCodedData(ReadOnlySpan<byte> data, int pos)
    {
        while (true)
        {
            var next = data[pos..].IndexOf(MarkerPrefix);
            if (next < 0)
            {
                return -1;
            }

            pos += next;
            if (pos + 1 >= data.Length)
            {
                return -1;
            }

            var following = data[pos + 1];
            if (following == 0x00 || following is >= 0xD0 and <= 0xD7)
            {
                pos += 2; // stuffed byte or restart marker: still inside the scan
            }
            else if (following == MarkerPrefix)
            {
                pos += 1; // fill byte before a marker
            }
            else
            {
                return pos;
            }
        }
    }
}
