#!/usr/bin/env bash
# Builds the self-contained app image (and, where dpkg-deb and fakeroot exist, a .deb) with
# the JDK's jpackage. Called by `mvn -Pinstaller package` after the shade plugin made parzen.jar:
#   installer/build.sh <project version> <build dir>
# Output: <build dir>/installer/Parzen Studio/ (bin/parzen, bin/Parzen Studio, bundled runtime)
#         <build dir>/installer/parzen-studio_<version>-1_<arch>.deb  (optional)
# PARZEN_SKIP_DEB=1 skips the .deb.
set -euo pipefail
cd "$(dirname "$0")/.."

version="${1:?project version}"
build_dir="${2:-target}"
app_version="${version%-SNAPSHOT}"
name="Parzen Studio"
out="$build_dir/installer"
input="$build_dir/installer-input"

jpackage="${JAVA_HOME:+$JAVA_HOME/bin/jpackage}"
[[ -x "$jpackage" ]] || jpackage="/usr/lib/jvm/java-17-openjdk-amd64/bin/jpackage"
[[ -x "$jpackage" ]] || jpackage="$(command -v jpackage || true)"
[[ -x "$jpackage" ]] || { echo "installer: jpackage not found (needs a full JDK 17+)" >&2; exit 1; }
[[ -f "$build_dir/parzen.jar" ]] || { echo "installer: $build_dir/parzen.jar missing" >&2; exit 1; }

# jpackage copies the whole input folder into the image: give it parzen.jar only.
rm -rf "$input" "$out/$name"
mkdir -p "$input" "$out"
cp "$build_dir/parzen.jar" "$input/"

common=(
  --name "$name"
  --app-version "$app_version"
  --vendor "Parzen"
  --description "A desktop studio for hyperparameter optimization."
  --icon resources/icons/parzen.png
)

start=$SECONDS
"$jpackage" --type app-image "${common[@]}" \
  --input "$input" --main-jar parzen.jar --main-class io.parzen.cli.ParzenCli \
  --add-launcher parzen=installer/cli-launcher.properties \
  --java-options "-Dfile.encoding=UTF-8" \
  --dest "$out"
echo "installer: app image $out/$name ($((SECONDS - start)) s)"

if [[ "${PARZEN_SKIP_DEB:-0}" == 1 ]]; then
  echo "installer: .deb skipped (PARZEN_SKIP_DEB=1)"
elif ! command -v dpkg-deb >/dev/null 2>&1 || ! command -v fakeroot >/dev/null 2>&1; then
  echo "installer: .deb skipped (needs dpkg-deb and fakeroot: apt-get install dpkg-dev fakeroot)"
else
  start=$SECONDS
  rm -f "$out"/parzen-studio_*.deb
  # Reuses the app image's runtime instead of running jlink a second time.
  "$jpackage" --type deb "${common[@]}" \
    --input "$input" --main-jar parzen.jar --main-class io.parzen.cli.ParzenCli \
    --runtime-image "$out/$name/lib/runtime" \
    --add-launcher parzen=installer/cli-launcher.properties \
    --java-options "-Dfile.encoding=UTF-8" \
    --linux-package-name parzen-studio \
    --linux-shortcut --linux-menu-group "Development;Science" \
    --linux-app-category devel \
    --file-associations installer/study-file.properties \
    --resource-dir installer/linux \
    --dest "$out"
  echo "installer: $(ls "$out"/parzen-studio_*.deb) ($((SECONDS - start)) s)"
fi
