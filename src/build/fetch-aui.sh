#!/bin/sh
# Unpacks AUI's npm package, and the jQuery it expects as a global, into <dir> for the demo host's pages:
#   <dir>/package/dist/aui/aui-prototyping.{css,js}   (npm pack @atlassian/aui@<aui version>)
#   <dir>/jquery/package/dist/jquery.min.js          (npm pack jquery@<jquery version>)
# usage: fetch-aui.sh <dir> <aui version> <jquery version> tests|demo
# "tests": fails when npm cannot fetch them and AWSC_REQUIRE_BROWSER=true (the browser tests need real AUI), else
# warns. "demo": only warns (mvn -Pdemo falls back to a built-in stylesheet).
set -u
dir=$1 aui=$2 jquery=$3 mode=$4

give_up() {
    if [ "$mode" = tests ] && [ "${AWSC_REQUIRE_BROWSER:-}" = true ]; then
        echo "ERROR: $1; AWSC_REQUIRE_BROWSER=true needs AUI for the browser tests" >&2
        exit 1
    fi
    echo "WARNING: $1; the demo host's pages fall back to a small built-in stylesheet, without AUI's script" >&2
    exit 0
}

if [ -f "$dir/package/dist/aui/aui-prototyping.js" ] && [ -f "$dir/jquery/package/dist/jquery.min.js" ]; then
    exit 0
fi
command -v npm >/dev/null 2>&1 || give_up "npm is not installed, so @atlassian/aui@$aui cannot be fetched"
mkdir -p "$dir/jquery" || give_up "cannot create $dir"
(cd "$dir" && npm pack --silent "@atlassian/aui@$aui" >/dev/null && tar -xzf "atlassian-aui-$aui.tgz") \
    || give_up "npm could not fetch @atlassian/aui@$aui"
(cd "$dir/jquery" && npm pack --silent "jquery@$jquery" >/dev/null && tar -xzf "jquery-$jquery.tgz") \
    || give_up "npm could not fetch jquery@$jquery"
echo "AUI $aui and jQuery $jquery unpacked in $dir"
