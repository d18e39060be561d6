namespace DogBreeds.Core.Models;

/// <summary>
/// A saved model cannot be used: files are missing or corrupt, its format version is newer than this build
/// reads, or it was trained on another backbone than the one expected. The message is one sentence saying which.
/// </summary>
public sealed class ModelFormatException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public ModelFormatException()
        : base("The saved model cannot be read.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ModelFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
