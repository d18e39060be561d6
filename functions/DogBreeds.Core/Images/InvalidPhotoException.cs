namespace DogBreeds.Core.Images;

/// <summary>
/// The one exception type for a photo that cannot be used. Its message is one sentence naming the
/// photo and the reason.
/// </summary>
public sealed class InvalidPhotoException : Exception
{
    /// <summary>Creates the exception for <paramref name="photo"/>.</summary>
    public InvalidPhotoException(string photo, PhotoProblem problem, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Photo = photo;
        Problem = problem;
    }

    /// <summary>Creates an exception with a message only (for serializers and analyzers).</summary>
    public InvalidPhotoException()
        : this("(unknown photo)", PhotoProblem.NotAnImage, "The photo is not a usable image.")
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public InvalidPhotoException(string message)
        : this("(unknown photo)", PhotoProblem.NotAnImage, message)
    {
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    public InvalidPhotoException(string message, Exception innerException)
        : this("(unknown photo)", PhotoProblem.NotAnImage, message, innerException)
    {
    }

    /// <summary>The photo's name (file name or blob name) as given by the caller.</summary>
    public string Photo { get; }

    /// <summary>What is wrong with the photo.</summary>
    public PhotoProblem Problem { get; }
}
