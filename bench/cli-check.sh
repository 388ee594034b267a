#!/usr/bin/env bash
# `digestkit check` as a user installs it, against Astro 5's `astro sync` of the same posts (issue 16).
#
#   bench/cli-check.sh [--rounds N] [--sizes "300 3000 30000"] [--astro-max N] [--no-astro] [-- extra check args]
#
# 1. Packs src/DigestKit.Cli (whatever `dotnet pack` produces: framework-dependent, RID-specific or both) into a local
#    feed and installs it with `dotnet tool install --tool-path`, from that feed only: the `digestkit` a user runs.
# 2. Replicates tests/Data/corpus-sample (30 posts, 0.9 MB) to each size (300 / 3,000 / 30,000 posts by default;
#    copies in folders copy000, copy001, …, so every copy past the first repeats the slugs: one DK6001 per file).
# 3. When npm is reachable: `npm install astro@5` into a cache folder ($ASTRO_DIR, default $TMPDIR/digestkit-astro)
#    and a minimal project whose one content collection (glob loader, a schema of the front matter's keys) holds
#    the same files; `astro sync` is warmed once per size, then timed.
# 4. Per size, N rounds (default 3); each round runs digestkit then Astro, so a change in the machine's load hits
#    both alike. Prints wall time, CPU and peak RSS (/usr/bin/time -v) per run, the ratio Astro / digestkit per
#    round, and a table of medians. Also `--version` and a one-file check (median of 5 each), and the phases of
#    one 3,000-post run (DIGESTKIT_TIMINGS=1).
# Nothing here asserts a time: it is for people. Figures depend on the machine's load (printed with each table).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${DIGESTKIT_CORPUS:-$root/tests/Data/corpus-sample}"
rounds=3
sizes="300 3000 30000"
astro_max=30000
astro=1
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift ;;
    --sizes) sizes="$2"; shift ;;
    --astro-max) astro_max="$2"; shift ;;
    --no-astro) astro=0 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "unknown argument $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
  shift
done

work="$(mktemp -d "${TMPDIR:-/tmp}/digestkit-cli-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cores="$(nproc)"

# 1. The installed tool.
dotnet pack "$root/src/DigestKit.Cli/DigestKit.Cli.csproj" -c Release -o "$work/feed" -nologo -v q >"$work/pack.log" 2>&1 \
  || { cat "$work/pack.log"; exit 1; }
version="$(ls "$work/feed" | sed -n 's/^DigestKit\.Cli\.\([0-9][^a-z]*[0-9]\)\.nupkg$/\1/p' | head -n 1)"
cat >"$work/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /><add key="local" value="$work/feed" /></packageSources></configuration>
EOF
dotnet tool install DigestKit.Cli --version "$version" --tool-path "$work/tool" --configfile "$work/nuget.config" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log"; exit 1; }
digestkit="$work/tool/digestkit"
echo "installed: $("$digestkit" --version) from $(ls "$work/feed" | tr '\n' ' ')"

# 3. Astro, when npm can fetch it.
astro_dir="${ASTRO_DIR:-${TMPDIR:-/tmp}/digestkit-astro}"
if [ "$astro" = 1 ]; then
  if [ ! -x "$astro_dir/node_modules/.bin/astro" ]; then
    mkdir -p "$astro_dir"
    (cd "$astro_dir" && { [ -f package.json ] || echo '{"name":"digestkit-astro-bench","private":true,"type":"module"}' >package.json; } \
      && timeout 600 npm install --no-audit --no-fund astro@5 >"$work/npm.log" 2>&1) \
      || { echo "npm install astro@5 failed: Astro is left out ($(tail -n 1 "$work/npm.log"))"; astro=0; }
  fi
fi
astro_site() { # a minimal Astro project whose one collection is the folder $2
  local site="$1" posts="$2"
  mkdir -p "$site/src"
  ln -s "$astro_dir/node_modules" "$site/node_modules"
  echo '{"name":"site","private":true,"type":"module"}' >"$site/package.json"
  echo 'export default {};' >"$site/astro.config.mjs"
  cat >"$site/src/content.config.ts" <<EOF
import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';
const posts = defineCollection({
  loader: glob({ pattern: '**/*.md', base: '$posts' }),
  schema: z.object({
    title: z.string(), date: z.union([z.string(), z.date()]), template: z.string(), draft: z.boolean(),
    slug: z.string(), category: z.string(), tags: z.array(z.string()), description: z.string(), socialImage: z.string(),
  }),
});
export const collections = { posts };
EOF
}
if [ "$astro" = 1 ]; then
  echo "astro: $("$astro_dir/node_modules/.bin/astro" --version 2>/dev/null | tr -d '\n' | sed 's/\x1b\[[0-9;]*m//g' | xargs)"
fi
export ASTRO_TELEMETRY_DISABLED=1

# One timed run: wall ms, CPU s, peak RSS MB, exit code -> "$work/last"; stdout to $work/out.txt.
timed() {
  local t0 t1 rc
  t0=$(date +%s%N)
  set +e
  /usr/bin/time -v -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt"
  rc=$?
  set -e
  t1=$(date +%s%N)
  awk -v ms=$(( (t1 - t0) / 1000000 )) -v rc="$rc" '
    /User time/ {u=$NF} /System time/ {s=$NF} /Maximum resident/ {r=$NF}
    END {printf "%d %.2f %.0f %d\n", ms, u + s, r / 1024, rc}' "$work/time.txt" >"$work/last"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

# Start-up: --version and one file (a commit hook's case), median of 5.
one="$corpus/$(ls "$corpus" | head -n 1)"
"$digestkit" check "$one" >/dev/null 2>&1 || true
for r in 1 2 3 4 5; do timed "$digestkit" --version; cut -d' ' -f1 "$work/last" >>"$work/version.ms"; done
for r in 1 2 3 4 5; do timed "$digestkit" check "$one"; cut -d' ' -f1 "$work/last" >>"$work/one.ms"; done
version_ms=$(median <"$work/version.ms"); one_ms=$(median <"$work/one.ms")
echo "start-up: --version $version_ms ms ($(tr '\n' ' ' <"$work/version.ms")), one-file check $one_ms ms ($(tr '\n' ' ' <"$work/one.ms"))"

table=()
for size in $sizes; do
  copies=$(( (size + 29) / 30 ))
  dir="$work/corpus-$size"
  for ((i = 0; i < copies; i++)); do
    d="$dir/copy$(printf %04d "$i")"
    mkdir -p "$d"
    cp "$corpus"/*.md "$d"/
  done
  chmod -R u+w "$dir"
  files=$(find "$dir" -name '*.md' | wc -l)
  mb=$(( $(du -sb "$dir" | cut -f1) / 1000000 ))
  with_astro=$astro; [ "$size" -gt "$astro_max" ] && with_astro=0
  echo "== $files posts, $mb MB; $cores cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
  "$digestkit" check "$dir" "${extra[@]}" >/dev/null 2>&1 || true   # warm the page cache
  if [ "$size" = 3000 ]; then
    DIGESTKIT_TIMINGS=1 "$digestkit" check "$dir" "${extra[@]}" 2>&1 >/dev/null | grep -E '^digestkit: [a-z, -]+ +[0-9]+ ms' | sed 's/^/  /' || true
  fi
  if [ "$with_astro" = 1 ]; then
    astro_site "$work/site-$size" "$dir"
    (cd "$work/site-$size" && ./node_modules/.bin/astro sync >"$work/astro-warm.log" 2>&1) \
      || { echo "astro sync failed: $(tail -n 3 "$work/astro-warm.log")"; with_astro=0; }
  fi
  : >"$work/dk.ms"; : >"$work/dk.rss"; : >"$work/astro.ms"; : >"$work/astro.rss"; : >"$work/ratio"
  for ((r = 1; r <= rounds; r++)); do
    timed "$digestkit" check "$dir" "${extra[@]}"
    read -r ms cpu rss rc <"$work/last"
    echo "$ms" >>"$work/dk.ms"; echo "$rss" >>"$work/dk.rss"
    line="  round $r: digestkit $ms ms wall, $cpu s CPU, $rss MB peak (exit $rc: $(tail -n 1 "$work/out.txt" | cut -c1-60))"
    if [ "$with_astro" = 1 ]; then
      (cd "$work/site-$size" && timed ./node_modules/.bin/astro sync)
      read -r ams acpu arss arc <"$work/last"
      echo "$ams" >>"$work/astro.ms"; echo "$arss" >>"$work/astro.rss"
      ratio=$(awk -v a="$ams" -v d="$ms" 'BEGIN {printf "%.1f", a / d}')
      echo "$ratio" >>"$work/ratio"
      line="$line; astro sync $ams ms, $acpu s CPU, $arss MB (exit $arc); astro/digestkit ${ratio}x"
    fi
    echo "$line"
  done
  dk_ms=$(median <"$work/dk.ms"); dk_rss=$(median <"$work/dk.rss")
  if [ -s "$work/ratio" ]; then
    row="$(median <"$work/astro.ms") | $(median <"$work/astro.rss") | $(median <"$work/ratio")x ($(sort -n "$work/ratio" | head -n 1)–$(sort -n "$work/ratio" | tail -n 1))"
  else
    row="– | – | –"
  fi
  table+=("| $files | $mb | $dk_ms | $(sort -n "$work/dk.ms" | head -n 1)–$(sort -n "$work/dk.ms" | tail -n 1) | $dk_rss | $row |")
  rm -rf "$dir" "$work/site-$size"
done

echo
echo "digestkit $version (installed tool), median of $rounds rounds; $cores cores; load after the run $(cut -d' ' -f1-3 /proc/loadavg)"
echo "--version: $version_ms ms; one-file check: $one_ms ms (median of 5)"
echo
echo "| posts | MB | digestkit ms (median) | range | peak RSS MB | astro sync ms | astro RSS MB | astro / digestkit (median of per-round ratios, range) |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${table[@]}"
