using Microsoft.Azure.Functions.Worker;

namespace DogBreeds.Functions.Tests.Infrastructure;

/// <summary>Minimal FunctionContext: the host provides the real one; functions here only read its services.</summary>
internal sealed class TestFunctionContext(IServiceProvider services) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString("N");

    public override string FunctionId { get; } = "test";

    public override TraceContext TraceContext => throw new NotSupportedException("No trace context in tests.");

    public override BindingContext BindingContext => throw new NotSupportedException("No binding context in tests.");

    public override RetryContext RetryContext => throw new NotSupportedException("No retry context in tests.");

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException("No function definition in tests.");

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException("No invocation features in tests.");
}
