using System;
using System.Collections.Generic;

namespace DigestKit.Data
{
    /// <summary>A digest's front matter and source path, decoded together.</summary>
    internal sealed class FrontMatterValues
    {
        public FrontMatterValues(
            string title, DateTime date, string template, bool draft, string slug, string category, IReadOnlyList<string> tags,
            string description, string socialImage, string sourcePath)
        {
            Title = title;
            Date = date;
            Template = template;
            Draft = draft;
            Slug = slug;
            Category = category;
            Tags = tags;
            Description = description;
            SocialImage = socialImage;
            SourcePath = sourcePath;
        }

        public string Title { get; }

        public DateTime Date { get; }

        public string Template { get; }

        public bool Draft { get; }

        public string Slug { get; }

        public string Category { get; }

        public IReadOnlyList<string> Tags { get; }

        public string Description { get; }

        public string SocialImage { get; }

        public string SourcePath { get; }
    }
}
