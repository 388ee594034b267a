using System;
using System.Text;

namespace DigestKit.Analyzers.Generator
{
    /// <summary>
    /// A small indenting writer for generated source: four spaces per level, '\n' line ends on every platform so
    /// generated files (and the golden files that pin them) are byte-identical everywhere.
    /// </summary>
    public sealed class SourceWriter
    {
        private readonly StringBuilder _builder = new StringBuilder();
        private int _indent;

        public SourceWriter(int indent = 0) => _indent = indent;

        public SourceWriter WriteLine(string line = "")
        {
            if (line.Length != 0)
            {
                _builder.Append(' ', _indent * 4);
                _builder.Append(line);
            }

            _builder.Append('\n');
            return this;
        }

        public SourceWriter OpenBlock(string line)
        {
            WriteLine(line);
            WriteLine("{");
            _indent++;
            return this;
        }

        public SourceWriter CloseBlock(string suffix = "")
        {
            if (_indent == 0)
            {
                throw new InvalidOperationException("No block to close.");
            }

            _indent--;
            WriteLine("}" + suffix);
            return this;
        }

        /// <summary>Appends text another writer produced, at the indentation it was written for.</summary>
        public SourceWriter WriteRaw(string text)
        {
            _builder.Append(text);
            return this;
        }

        public SourceWriter Indent()
        {
            _indent++;
            return this;
        }

        public SourceWriter Unindent()
        {
            _indent--;
            return this;
        }

        public override string ToString() => _builder.ToString();
    }
}
