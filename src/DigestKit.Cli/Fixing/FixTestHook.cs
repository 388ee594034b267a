namespace DigestKit.Cli.Fixing;

/// <summary>
/// A test hook that makes "the file changed while fix ran" deterministic through the real executable: with
/// <c>DIGESTKIT_TEST_FIX_BEFORE_REPLACE</c> set, <c>fix</c> does this to each file after planning it and writing
/// its temporary copy, just before re-reading and replacing it:
/// <c>append:TEXT</c> appends TEXT (UTF-8) to the file, <c>delete</c> deletes it. Unset (always, outside
/// tests) it does nothing. It only does what the user running fix could do to their own files meanwhile.
/// </summary>
internal static class FixTestHook
{
    public const string Variable = "DIGESTKIT_TEST_FIX_BEFORE_REPLACE";

    public static Action<string>? For(string path)
    {
        var action = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(action))
        {
            return null;
        }

        if (action == "delete")
        {
            return _ => File.Delete(path);
        }

        if (action.StartsWith("append:", StringComparison.Ordinal))
        {
            var text = action["append:".Length..];
            return _ => File.AppendAllText(path, text);
        }

        throw new InvalidOperationException($"{Variable}: unknown action '{action}' (append:TEXT or delete)");
    }
}
