using System.Text.Json;

namespace PatientCentric.Cli.Eval;

/// <summary>One measure of the <c>eval</c> contract (docs/cli-json.md): reads its request fields and writes its result fields.</summary>
internal interface IEvalMeasure
{
    /// <summary>Gets the measure id used in <c>{"measure": "&lt;id&gt;"}</c>.</summary>
    string Id { get; }

    /// <summary>Gets a one-line description for <c>eval --list</c>.</summary>
    string Description { get; }

    /// <summary>Reads the request (the <c>measure</c> field already read) and writes the result object.</summary>
    /// <exception cref="EvalInputException">The request breaks the contract.</exception>
    void Evaluate(RequestObject request, Utf8JsonWriter result);
}
