#!/usr/bin/env python3
"""Makes N digests from real posts by shifting their dates: post k is corpus post (k mod n) moved so that its
title date is START + k days. Title, slug, description, post date and metrics timestamps all move together,
so every digest stays valid (unique slugs, dates in order, arXiv identifiers older than the digest).

usage: make_corpus.py OUT_DIR COUNT SOURCE_DIR [SOURCE_DIR...]
"""
import datetime as dt
import glob
import os
import re
import sys

START = dt.date(2021, 9, 1)


def shift(text, delta):
    def iso(m):
        t = dt.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S") + delta
        return "date: " + t.strftime("%Y-%m-%dT%H:%M:%S") + ".Z"

    def stamp(m):
        t = dt.datetime.strptime(m.group(1), "%m/%d/%Y %H:%M:%S") + delta
        return "(" + t.strftime("%m/%d/%Y %H:%M:%S") + ")"

    def day(m):
        return m.group(1) + (dt.date.fromisoformat(m.group(2)) + delta).isoformat()

    text = re.sub(r"^date: (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.Z", iso, text, count=1, flags=re.M)
    text = re.sub(r"\((\d\d/\d\d/\d{4} \d\d:\d\d:\d\d)\)", stamp, text)
    text = re.sub(r"^(title: Hot Papers )(\d{4}-\d\d-\d\d)", day, text, count=1, flags=re.M)
    text = re.sub(r'^(slug: "hot-papers-)(\d{4}-\d\d-\d\d)', day, text, count=1, flags=re.M)
    text = re.sub(r'^(description: "Hot papers )(\d{4}-\d\d-\d\d)', day, text, count=1, flags=re.M)
    return text


def main():
    out, count, sources = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    posts = sorted(f for d in sources for f in glob.glob(os.path.join(d, "*")) if os.path.isfile(f))
    os.makedirs(out, exist_ok=True)
    total = 0
    for k in range(count):
        with open(posts[k % len(posts)], encoding="utf-8") as f:
            text = f.read()
        title_day = dt.date.fromisoformat(re.search(r"^title: Hot Papers (\d{4}-\d\d-\d\d)", text, re.M).group(1))
        target = START + dt.timedelta(days=k)
        text = shift(text, target - title_day)
        name = os.path.join(out, target.isoformat() + "---Hot-Papers.md")
        with open(name, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        total += len(text.encode("utf-8"))
    print(f"{count} digests, {total / 1e6:.1f} MB in {out}")


main()
