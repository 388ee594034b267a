using System.Text;

namespace DigestKit.Engine.Text
{
    /// <summary>White space as a reader sees it.</summary>
    internal static class WhiteSpace
    {
        /// <summary>Runs of white space as one space, none at either end: a title's wrapped double spaces read as one.</summary>
        public static string Collapse(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return string.Empty;
            }

            if (IsCollapsed(value!))
            {
                return value!;
            }

            var builder = new StringBuilder(value!.Length);
            var space = false;
            foreach (var c in value)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = builder.Length > 0;
                    continue;
                }

                if (space)
                {
                    builder.Append(' ');
                    space = false;
                }

                builder.Append(c);
            }

            return builder.ToString();
        }

        /// <summary>True when <paramref name="value"/> has no white space but single spaces between words.</summary>
        private static bool IsCollapsed(string value)
        {
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c != ' ' ? char.IsWhiteSpace(c) : i == 0 || i == value.Length - 1 || value[i + 1] == ' ')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
