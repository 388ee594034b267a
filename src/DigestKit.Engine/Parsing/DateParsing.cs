using System;
using System.Globalization;

namespace DigestKit.Engine.Parsing
{
    /// <summary>The date and time formats digests use, parsed without culture and without regular expressions.</summary>
    public static class DateParsing
    {
        private static readonly string[] MonthNames =
        {
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        };

        /// <summary>
        /// The front matter date: <c>2021-06-22T07:43:12.Z</c> as every real post writes it (a <c>.</c> with no
        /// fraction digits), and the ISO 8601 forms around it (fraction, <c>Z</c>, offset, date only). The value is
        /// the writer's local time despite the <c>Z</c>, so the result is <see cref="DateTimeKind.Unspecified"/>.
        /// </summary>
        public static bool TryParsePostDate(string text, out DateTime value)
        {
            value = default;
            var s = text.Trim();
            if (s.Length < 10 || !Digits(s, 0, 4, out var year) || s[4] != '-' || !Digits(s, 5, 2, out var month) ||
                s[7] != '-' || !Digits(s, 8, 2, out var day))
            {
                return false;
            }

            int hour = 0, minute = 0, second = 0, millisecond = 0;
            var i = 10;
            if (i < s.Length && (s[i] == 'T' || s[i] == ' '))
            {
                if (!Digits(s, i + 1, 2, out hour) || i + 3 >= s.Length || s[i + 3] != ':' || !Digits(s, i + 4, 2, out minute))
                {
                    return false;
                }

                i += 6;
                if (i < s.Length && s[i] == ':')
                {
                    if (!Digits(s, i + 1, 2, out second))
                    {
                        return false;
                    }

                    i += 3;
                }

                if (i < s.Length && s[i] == '.')
                {
                    i++;
                    var digits = 0;
                    var fraction = 0;
                    while (i < s.Length && s[i] >= '0' && s[i] <= '9')
                    {
                        if (digits < 3)
                        {
                            fraction = (fraction * 10) + (s[i] - '0');
                        }

                        digits++;
                        i++;
                    }

                    for (var d = digits; d < 3; d++)
                    {
                        fraction *= 10;
                    }

                    millisecond = fraction;
                }

                if (i < s.Length && (s[i] == 'Z' || s[i] == 'z'))
                {
                    i++;
                }
                else if (i < s.Length && (s[i] == '+' || s[i] == '-'))
                {
                    // An explicit offset is accepted and, like 'Z', not applied: the time is read as written.
                    if (!Digits(s, i + 1, 2, out _))
                    {
                        return false;
                    }

                    i += 3;
                    if (i < s.Length && s[i] == ':')
                    {
                        i++;
                    }

                    if (i < s.Length && !Digits(s, i, 2, out _))
                    {
                        return false;
                    }

                    i += i < s.Length ? 2 : 0;
                }
            }

            return i == s.Length && TryCreate(year, month, day, hour, minute, second, millisecond, out value);
        }

        /// <summary>The metrics timestamp <c>MM/DD/YYYY HH:mm:ss</c>. Returns false when the shape is wrong;
        /// <paramref name="possible"/> is false when the shape is right but no such instant exists.</summary>
        public static bool TryParseMetricsTimestamp(string text, out DateTime value, out bool possible)
        {
            value = default;
            possible = false;
            if (text.Length != 19 || !Digits(text, 0, 2, out var month) || text[2] != '/' || !Digits(text, 3, 2, out var day) ||
                text[5] != '/' || !Digits(text, 6, 4, out var year) || text[10] != ' ' || !Digits(text, 11, 2, out var hour) ||
                text[13] != ':' || !Digits(text, 14, 2, out var minute) || text[16] != ':' || !Digits(text, 17, 2, out var second))
            {
                return false;
            }

            possible = TryCreate(year, month, day, hour, minute, second, 0, out value);
            return true;
        }

        /// <summary>A tweet's date text, <c>June 21, 2021</c>.</summary>
        public static bool TryParseTweetDate(string text, out DateTime value)
        {
            value = default;
            var s = text.Trim();
            var space = s.IndexOf(' ');
            var comma = s.IndexOf(',');
            if (space <= 0 || comma <= space + 1 || comma + 2 >= s.Length)
            {
                return false;
            }

            var month = Array.IndexOf(MonthNames, s.Substring(0, space)) + 1;
            if (month == 0 || !int.TryParse(s.Substring(space + 1, comma - space - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var day) ||
                !int.TryParse(s.Substring(comma + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                return false;
            }

            return TryCreate(year, month, day, 0, 0, 0, 0, out value);
        }

        private static bool TryCreate(int year, int month, int day, int hour, int minute, int second, int millisecond, out DateTime value)
        {
            value = default;
            if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) ||
                hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }

            value = new DateTime(year, month, day, hour, minute, second, millisecond, DateTimeKind.Unspecified);
            return true;
        }

        private static bool Digits(string s, int start, int count, out int value)
        {
            value = 0;
            if (start < 0 || start + count > s.Length)
            {
                return false;
            }

            for (var i = start; i < start + count; i++)
            {
                var c = s[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            return true;
        }
    }
}
