#!/usr/bin/env bash
# Start-up of the three builds of the tool a user can get: the Native AOT executable (DigestKit.Cli.linux-x64, what
# `dotnet tool install` installs on Linux x64), the framework-dependent build (DigestKit.Cli.any, everywhere else) and
# a ReadyToRun build (framework-dependent, tiering off: the fallback where AOT cannot be packed). It times
# `--version` and a one-file `check` with hyperfine (apt-get install hyperfine) and lists the package sizes.
#
#   bench/tool-startup.sh [feed]    # feed: a folder `dotnet pack src/DigestKit.Cli -o <feed>` wrote; packed here if absent
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
feed="${1:-}"
if [ -z "$feed" ]; then
  feed="$work/feed"
  dotnet pack "$root/src/DigestKit.Cli/DigestKit.Cli.csproj" -c Release -o "$feed" --artifacts-path "$work/artifacts" -nologo -v q >/dev/null
fi
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)

NUGET_PACKAGES="$work/nuget" dotnet tool install DigestKit.Cli --version "$version" --tool-path "$work/tool" --add-source "$feed" >/dev/null
native="$(readlink -f "$work/tool/digestkit")"
mkdir -p "$work/any" && (cd "$work/any" && unzip -q "$feed/DigestKit.Cli.any.$version.nupkg")
fdd="$work/any/tools/net10.0/any/digestkit.dll"
dotnet publish "$root/src/DigestKit.Cli/DigestKit.Cli.csproj" -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true --artifacts-path "$work/r2r-artifacts" -o "$work/r2r" -nologo -v q >/dev/null
r2r="$work/r2r/digestkit.dll"

file "$native" | sed 's/,.*//'
post="$(ls "$root"/tests/Data/corpus-sample/*.md | head -n 1)"
cd "$root"
hyperfine -N --warmup 3 --runs "${RUNS:-20}" \
  -n "aot --version" "$native --version" -n "r2r --version" "dotnet $r2r --version" -n "fdd --version" "dotnet $fdd --version"
hyperfine -N --warmup 3 --runs "${RUNS:-20}" \
  -n "aot check 1 file" "$native check $post" -n "r2r check 1 file" "dotnet $r2r check $post" -n "fdd check 1 file" "dotnet $fdd check $post"
echo "packages:"
ls -l "$feed"/DigestKit.Cli*.nupkg | awk '{ printf "  %-40s %9d bytes\n", $NF, $5 }' | sed "s:$feed/::"
echo "installed native executable: $(stat -c %s "$native") bytes; framework-dependent files: $(du -sb "$work/any/tools" | cut -f1) bytes"
