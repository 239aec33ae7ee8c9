#!/usr/bin/env bash
# Builds PDI Station's packages from the shaded viewer-app jar with the building JDK's jdeps, jlink and jpackage:
#   1. a per-platform jar (the other platforms' native libraries of OpenCV and SQLite removed),
#   2. a jlink'd runtime holding only the modules the application needs,
#   3. an app-image (bin/pdistation launcher, lib/app, lib/runtime) with an AppCDS archive made by a training run,
#   4. the portable build (the app-image plus a top-level launcher script), usable from a disc,
#   5. the native installers this platform can build: .deb (and .rpm where rpmbuild exists), .msi, .dmg.
#
# Usage: installers/build-packages.sh [--jar JAR] [--out DIR] [--types "app-image deb rpm"] [--no-cds] [--no-tar]
#                                    [--check]
#   --no-cds: no AppCDS training run; --no-tar: no .tar.gz of the portable folder (the folder is still made).
#   --check (Linux, root): dpkg -i the .deb, then run the installed launcher (--version and a dump) headless.
# Before: ./mvnw -pl viewer-app -am package -DskipTests   (or ./mvnw -Ppackage -pl installers -am package)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
JAR=$ROOT/viewer-app/target/pdistation.jar
OUT=$HERE/target/packages
TYPES=""
CDS=1
TAR=1
CHECK=0
while (($#)); do
  case $1 in
    --jar) JAR=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --types) TYPES=$2; shift 2 ;;
    --no-cds) CDS=0; shift ;;
    --no-tar) TAR=0; shift ;;
    --check) CHECK=1; shift ;;
    "") shift ;;   # an empty argument from Maven's exec configuration
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "build-packages: unknown option $1" >&2; exit 2 ;;
  esac
done

# Each phase is stamped with the seconds since the start, so that CI's log shows where the time goes.
log() { printf '\n=== [%ss] %s\n' "$SECONDS" "$*"; }
die() { echo "build-packages: $*" >&2; exit 1; }

[[ -n ${JAVA_HOME:-} ]] || JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
# Git Bash on Windows: Maven hands over C:\... paths; bash works with /c/... ones. native() turns a path back into
# C:/... where a Windows program reads it from a file or from an option's value (-XX:...=PATH), which Git Bash's
# automatic argument conversion does not reach.
if command -v cygpath >/dev/null; then
  JAVA_HOME=$(cygpath -u "$JAVA_HOME"); JAR=$(cygpath -u "$JAR"); OUT=$(cygpath -u "$OUT")
  native() { cygpath -m "$1"; }
else
  native() { printf '%s' "$1"; }
fi
# The JDK's tools end their lines with CR LF on Windows: stripped before grep and $(...) see them.
jartf() { "$JAVA_HOME/bin/jar" tf "$1" | tr -d '\r'; }
for tool in jdeps jlink jpackage java; do
  [[ -x $JAVA_HOME/bin/$tool ]] || die "$JAVA_HOME/bin/$tool not found: set JAVA_HOME to a full JDK (21 or newer)"
done
[[ -f $JAR ]] || die "$JAR not found: run ./mvnw -pl viewer-app -am package -DskipTests first"

# The package version: jpackage wants numbers only (0.1.0-SNAPSHOT -> 0.1.0).
POM_VERSION=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)
VERSION=${POM_VERSION%%-*}
NAME=pdistation

# --- The platform: which native libraries to keep, which installers to build. -----------------------------------
arch=$(uname -m)
case $(uname -s) in
  Linux)
    OS=linux; LAUNCHER=bin/$NAME
    case $arch in
      x86_64|amd64) CV=linux/x86_64; SQ=Linux/x86_64; ARCH=x64 ;;
      aarch64|arm64) CV=linux/ARMv8; SQ=Linux/aarch64; ARCH=aarch64 ;;
      *) die "no OpenCV natives for Linux $arch" ;;
    esac
    default_types="app-image deb"
    command -v rpmbuild >/dev/null && default_types+=" rpm" ;;
  Darwin)
    OS=mac; LAUNCHER=Contents/MacOS/$NAME
    case $arch in
      x86_64) CV=osx/x86_64; SQ=Mac/x86_64; ARCH=x64 ;;
      arm64) CV=osx/ARMv8; SQ=Mac/aarch64; ARCH=aarch64 ;;
      *) die "no OpenCV natives for macOS $arch" ;;
    esac
    default_types="app-image dmg" ;;
  MINGW*|MSYS*|CYGWIN*)
    OS=windows; LAUNCHER=$NAME.exe; CV=windows/x86_64; SQ=Windows/x86_64; ARCH=x64
    default_types="app-image msi" ;;
  *) die "unsupported build platform $(uname -s)" ;;
esac
TYPES=${TYPES:-$default_types}
PLATFORM=$OS-$ARCH
log "PDI Station $VERSION for $PLATFORM with $("$JAVA_HOME/bin/jpackage" --version 2>/dev/null) jpackage: $TYPES"

rm -rf "$OUT"
mkdir -p "$OUT/input" "$OUT/work"

# --- 1. The per-platform jar. ---------------------------------------------------------------------------------------
log "jar: keeping only the $CV OpenCV and $SQ SQLite natives"
cp -p "$JAR" "$OUT/input/$NAME.jar"
jartf "$OUT/input/$NAME.jar" \
  | grep -E '^(nu/pattern/opencv|org/sqlite/native)/.+[^/]$' \
  | grep -v -E "^nu/pattern/opencv/$CV/|^org/sqlite/native/$SQ/" > "$OUT/work/other-natives.txt" || true
if [[ -s $OUT/work/other-natives.txt ]]; then
  if command -v zip >/dev/null; then
    zip -q -d "$OUT/input/$NAME.jar" -@ < "$OUT/work/other-natives.txt"
  else
    # Git Bash has no zip: the same through the JDK's zip file system.
    "$JAVA_HOME/bin/java" "$(native "$HERE/src/build/SlimJar.java")" "$(native "$OUT/input/$NAME.jar")" \
      "$(native "$OUT/work/other-natives.txt")"
  fi
fi

# JavaFX (classes on the class path) would extract its natives to ~/.openjfx/cache and SQLite its own to the temp
# folder on every machine; the portable build must write nothing outside the user data folder, so both sets lie
# beside the jar in lib/app, where JavaFX looks first and where org.sqlite.lib.path points.
(cd "$OUT/input" && "$JAVA_HOME/bin/jar" xf "$NAME.jar" $(jartf "$NAME.jar" \
  | grep -E '^[^/]+\.(so|dll|dylib)$') "$(jartf "$NAME.jar" | grep -E "^org/sqlite/native/$SQ/[^/]+$")")
SQLITE_LIB=$(basename "$(ls "$OUT/input/org/sqlite/native/$SQ/"*)")
mv "$OUT/input/org/sqlite/native/$SQ/$SQLITE_LIB" "$OUT/input/"
rm -rf "$OUT/input/org"

# --- 2. The runtime. -----------------------------------------------------------------------------------------------
log "jdeps + jlink"
MODULES=$("$JAVA_HOME/bin/jdeps" --multi-release base --ignore-missing-deps --print-module-deps \
  "$OUT/input/$NAME.jar" | tr -d '\r')
# Found by name at run time, which jdeps cannot see: the extended charsets (Specific Character Set ISO 2022 JP/KR,
# GB18030, ... PS3.5 6.1), EC for TLS (a module of its own before JDK 22), the zip file system.
for extra in jdk.charsets jdk.crypto.ec jdk.zipfs; do
  "$JAVA_HOME/bin/java" --list-modules | grep -q "^$extra@" && MODULES+=",$extra"
done
echo "modules: $MODULES"
JLINK_CDS=()
"$JAVA_HOME/bin/jlink" --list-plugins 2>/dev/null | grep -q -- '--generate-cds-archive' && JLINK_CDS=(--generate-cds-archive)
"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages \
  --compress zip-6 "${JLINK_CDS[@]}" --output "$OUT/runtime"
# The base archive for heaps over 32 GB (no compressed oops) is never used by a viewer: 14 MB saved.
rm -f "$OUT"/runtime/lib/server/classes_nocoops*.jsa

# --- 3. The app-image. ---------------------------------------------------------------------------------------------
# The icons are drawn at build time (no binary in the repository), all three from the same drawing and each parsed
# back at once: PNG for Linux, ICO (PNG images 16-256 px) for Windows, ICNS (PNG elements 32-1024 px) for macOS.
log "icons"
"$JAVA_HOME/bin/java" -Djava.awt.headless=true "$(native "$HERE/src/build/MakeIcon.java")" \
  "$(native "$OUT/work/$NAME.png")" "$(native "$OUT/work/$NAME.ico")" "$(native "$OUT/work/$NAME.icns")"
case $OS in linux) ICON=$OUT/work/$NAME.png ;; windows) ICON=$OUT/work/$NAME.ico ;; mac) ICON=$OUT/work/$NAME.icns ;; esac
ICON_ARGS=(--icon "$ICON")
# The .dcm association (PS3.10 7.1) with this platform's icon. jpackage reads the file itself, so a Windows path
# (C:/..., forward slashes: a backslash is an escape in a properties file).
FA=$OUT/work/dcm.properties
{ cat "$HERE/src/jpackage/dcm.properties"; [[ $OS == linux ]] || echo "icon=$(native "$ICON")"; } > "$FA"
# macOS: we view DICOM files, other applications may own them (Alternate: never the default over their owner).
[[ $OS == mac ]] && printf 'mac.CFBundleTypeRole=Viewer\nmac.LSHandlerRank=Alternate\n' >> "$FA"
PLATFORM_ARGS=()
APP_VERSION=$VERSION
case $OS in
  mac)
    # The bundle's identity, its document types and its version live in the app-image's Info.plist, so they are
    # given here, not when the .dmg wraps the finished image. jpackage refuses a CFBundleVersion whose first
    # number is 0 on macOS: a 0.x version is given as 1.x there (PDISTATION_MAC_VERSION overrides).
    [[ $VERSION == 0.* ]] && APP_VERSION=${PDISTATION_MAC_VERSION:-1.${VERSION#0.}}
    PLATFORM_ARGS=(--mac-package-identifier org.pdistation.viewer --mac-package-name "PDI Station"
      --file-associations "$FA") ;;
  windows)
    # pdistation.exe is a GUI program (no console window when started from the menu or a disc), so its output is
    # lost in a console: pdistation-cli.exe is the same application with a console, for the command line and the
    # portable pdistation.bat.
    printf 'win-console=true\nwin-shortcut=false\nwin-menu=false\n' > "$OUT/work/cli.properties"
    PLATFORM_ARGS=(--add-launcher "$NAME-cli=$(native "$OUT/work/cli.properties")") ;;
esac
# $APPDIR is the launcher's lib/app folder: the archive travels with the application (a disc is read-only, so it is
# made at build time, never at run time). -Xshare:auto: a missing or stale archive only costs start-up time.
JAVA_OPTS=(--java-options '-Xshare:auto' --java-options '-XX:SharedArchiveFile=$APPDIR/'"$NAME"'.jsa'
  --java-options '-Xlog:cds=off' --java-options '-Xlog:cds+dynamic=off'
  --java-options '--enable-native-access=ALL-UNNAMED' --java-options '-XX:-UsePerfData'
  --java-options '-Dorg.sqlite.lib.path=$APPDIR' --java-options "-Dorg.sqlite.lib.name=$SQLITE_LIB")
JDK_MAJOR=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release")
# JavaFX's Marlin renderer uses sun.misc.Unsafe; JDK 24+ warns on every start without this (JEP 498).
((JDK_MAJOR >= 24)) && JAVA_OPTS+=(--java-options '--sun-misc-unsafe-memory-access=allow')
log "jpackage app-image"
"$JAVA_HOME/bin/jpackage" --type app-image --name "$NAME" --app-version "$APP_VERSION" --vendor "PDI Station" \
  --description "DICOM viewer and IHE PDI media station" --copyright "Apache-2.0" \
  --input "$OUT/input" --main-jar "$NAME.jar" --main-class org.pdistation.viewer.Main \
  --runtime-image "$OUT/runtime" "${ICON_ARGS[@]}" "${PLATFORM_ARGS[@]}" "${JAVA_OPTS[@]}" --dest "$OUT/image"
if [[ $OS == mac ]]; then IMAGE=$OUT/image/$NAME.app; APPDIR=$IMAGE/Contents/app; RT=$IMAGE/Contents/runtime/Contents/Home
else IMAGE=$OUT/image/$NAME; APPDIR=$IMAGE/lib/app; RT=$IMAGE/lib/runtime; fi
[[ $OS == windows ]] && { APPDIR=$IMAGE/app; RT=$IMAGE/runtime; }

# --- AppCDS: a training run records the classes start-up loads (JEP 350 dynamic archive). --------------------------
if ((CDS)); then
  log "AppCDS training run"
  T=$OUT/work/cds
  mkdir -p "$T/home"
  export PDISTATION_HOME=$T/home
  "$JAVA_HOME/bin/java" -cp "$APPDIR/$NAME.jar" "$HERE/src/build/MakeSample.java" "$T/in"
  "$IMAGE/$LAUNCHER" create --out "$T/disc" "$T/in" > "$T/create.log"
  # The class path must be the launcher's own (the jar in $APPDIR) or the JVM refuses the archive.
  train=("$RT/bin/java" "-XX:ArchiveClassesAtExit=$(native "$APPDIR/$NAME.jsa")" -Xlog:cds=off
    -Xlog:cds+dynamic=off --enable-native-access=ALL-UNNAMED -cp "$(native "$APPDIR/$NAME.jar")"
    org.pdistation.viewer.Main)
  ((JDK_MAJOR >= 24)) && train=("${train[0]}" --sun-misc-unsafe-memory-access=allow "${train[@]:1}")
  if [[ $OS == linux ]] && command -v xvfb-run >/dev/null; then
    # The window path: JavaFX, the browser and the first image drawn, saved as a screenshot, then exit.
    xvfb-run -a -s "-screen 0 1600x1000x24" "${train[@]}" view "$T/disc" --screenshot "$T/window.png" \
      > "$T/train.log" 2>&1 || { cat "$T/train.log"; die "the training run failed"; }
  else
    # No display: the headless path only (still most of the start-up classes).
    "${train[@]}" dump "$(find "$T/disc/DICOM" -type f | head -1)" > "$T/train.log" 2>&1
  fi
  unset PDISTATION_HOME
  [[ -f $APPDIR/$NAME.jsa ]] || die "no CDS archive was written ($T/train.log)"
  echo "archive: $(du -h "$APPDIR/$NAME.jsa" | cut -f1)"
  # macOS: jpackage signed the .app (ad hoc) before the archive was added to it; seal it again, or the signature
  # no longer covers the bundle's resources (codesign is part of macOS). Not fatal: a locally started app runs with
  # a stale seal; only a downloaded (quarantined) one is refused.
  if [[ $OS == mac ]]; then
    codesign --force --sign - "$IMAGE" || echo "build-packages: warning: $IMAGE could not be signed again" >&2
  fi
fi

# --- 4. The portable build: the app-image as it is, plus a launcher script at the top. -----------------------------
log "portable build"
P=$OUT/portable/$NAME-$PLATFORM
mkdir -p "$(dirname "$P")"
# Modes and times kept (the CDS archive checks the jar's modification time); links replaced by the files they name,
# since discs and FAT sticks cannot hold links (the runtime's legal notices are links).
# macOS: the folder holds pdistation.app (where media-creator looks for its launcher and Finder sees an app).
case $OS in
  linux) cp -rL --preserve=mode,timestamps "$IMAGE" "$P" ;;
  mac) mkdir -p "$P" && cp -RLp "$IMAGE" "$P/" ;;
  windows) cp -a "$IMAGE" "$P" ;;
esac
if [[ $OS == linux ]]; then
  # The script runs the bundled java itself with the launcher's options (lib/app/pdistation.cfg): jpackage's Linux
  # launcher asks rpm and dpkg (two child processes each) on every start whether it was installed from a package,
  # which a portable build never is, and which costs time on a machine with a large package database.
  opts=$(sed -n 's/^java-options=//p' "$P/lib/app/$NAME.cfg" | sed 's/\$APPDIR/$app/g; s/.*/"&"/' | tr '\n' ' ')
  cat > "$P/$NAME.sh" <<EOS
#!/bin/sh
# PDI Station, portable: runs from this folder (a disc, a stick) without installation. Settings, logs and the
# database go to the user's data folder (~/.local/share/pdistation, or \$PDISTATION_HOME), never here.
here=\$(dirname "\$(readlink -f "\$0")")
app="\$here/lib/app"
exec "\$here/lib/runtime/bin/java" $opts -cp "\$app/$NAME.jar" org.pdistation.viewer.Main "\$@"
EOS
  chmod 755 "$P/$NAME.sh"
elif [[ $OS == windows ]]; then
  # The console launcher: the .bat is started from a console, and --version or dump must print there.
  printf '@echo off\r\nrem PDI Station, portable: runs from this folder without installation.\r\n"%%~dp0%s-cli.exe" %%*\r\n' \
    "$NAME" > "$P/$NAME.bat"
fi
((TAR)) && tar -C "$OUT/portable" -czf "$OUT/$NAME-$VERSION-$PLATFORM-portable.tar.gz" "$NAME-$PLATFORM"

# --- 5. Installers. ------------------------------------------------------------------------------------------------
INSTALLER_ARGS=(--name "$NAME" --app-version "$APP_VERSION" --vendor "PDI Station" --app-image "$IMAGE"
  --description "DICOM viewer and IHE PDI media station" --copyright "Apache-2.0" "${ICON_ARGS[@]}" --dest "$OUT")
# Linux and Windows register associations at installation; macOS has them in the app-image's Info.plist already.
[[ $OS == mac ]] || INSTALLER_ARGS+=(--file-associations "$FA")
for type in $TYPES; do
  case $type in
    app-image) ;;
    deb|rpm)
      log "jpackage $type"
      res=$OUT/work/resources-$type
      mkdir -p "$res"
      # DICOMDIR has no extension, so jpackage's associations cannot name it: a shared-mime-info glob installed
      # by the package's postinst adds it (the .dcm association is jpackage's own).
      cp "$HERE/src/jpackage/dicomdir.xml" "$IMAGE/lib/$NAME-dicomdir.xml"
      extra=(--linux-shortcut --linux-menu-group "Graphics;MedicalSoftware;Science" --linux-app-category graphics
        --resource-dir "$res")
      [[ $type == deb ]] && extra+=(--linux-deb-maintainer "pdistation@localhost")
      cp "$HERE/src/jpackage/$NAME.desktop" "$res/"
      # JavaFX loads GTK and GL from the jar at run time, which jpackage cannot see: recommended (the command line
      # runs without them, so a server install need not pull a desktop).
      [[ $type == deb ]] && cp "$HERE/src/jpackage/postinst" "$HERE/src/jpackage/prerm" "$HERE/src/jpackage/control" "$res/"
      # dpkg-deb's default xz takes minutes for 140 MB; zstd (dpkg >= 1.21.18: Debian 12, Ubuntu 21.10) seconds.
      # DPKG_DEB_COMPRESSOR_TYPE=xz gives the smallest .deb, installable by older dpkg too.
      if [[ $type == deb && -z ${DPKG_DEB_COMPRESSOR_TYPE:-} ]] && dpkg-deb --help 2>/dev/null | grep -q zstd; then
        export DPKG_DEB_COMPRESSOR_TYPE=zstd
      fi
      "$JAVA_HOME/bin/jpackage" --type "$type" "${INSTALLER_ARGS[@]}" "${extra[@]}" ;;
    msi)
      # WiX 3 (candle.exe, light.exe) with any JDK >= 21, or WiX 4/5 (wix.exe with the Util and UI extensions)
      # with JDK >= 24; the upgrade UUID stays the same for every version, so an .msi replaces the one before.
      log "jpackage msi (needs the WiX toolset on PATH)"
      "$JAVA_HOME/bin/jpackage" --type msi "${INSTALLER_ARGS[@]}" --win-menu --win-menu-group "PDI Station" \
        --win-shortcut --win-dir-chooser --win-upgrade-uuid 6f1d2b9e-4a51-4c8e-9d2f-3b7a0c5e8d41 ;;
    dmg)
      # hdiutil makes the image; the Finder window's layout is set through osascript, and SetFile (Xcode command
      # line tools) sets the volume's icon.
      log "jpackage dmg"
      "$JAVA_HOME/bin/jpackage" --type dmg "${INSTALLER_ARGS[@]}" ;;
    *) die "unknown package type $type" ;;
  esac
done

log "sizes"
du -sh "$IMAGE" "$P" | sed "s:$OUT/::" || true
ls -l "$OUT"/*.deb "$OUT"/*.rpm "$OUT"/*.msi "$OUT"/*.dmg "$OUT"/*.tar.gz 2>/dev/null | awk '{print $5, $9}' \
  | sed "s:$OUT/::" || true

# --- Acceptance: install the .deb and run the installed launcher headless. -----------------------------------------
if ((CHECK)); then
  [[ $OS == linux ]] || die "--check installs the .deb: Linux only"
  [[ $(id -u) -eq 0 ]] || die "--check runs dpkg -i: run as root"
  deb=$(ls "$OUT"/*.deb | head -1)
  log "dpkg -i $deb"
  # dpkg -i does not fetch dependencies; where one is missing, apt completes the installation.
  dpkg -i "$deb" || { echo "dpkg -i left dependencies open: apt-get -f install" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -f -y -q --no-install-recommends; }
  dpkg-query -W -f='${Status}\n' "$NAME" | grep -q 'install ok installed' || die "$NAME is not installed"
  installed=$(dpkg -L "$NAME" | grep -E "/bin/$NAME\$" | head -1)
  [[ -x $installed ]] || die "the package installed no launcher bin/$NAME"
  sample=${PDISTATION_SHARED:-$ROOT/../shared}/dicomdata/single/pydicom/CT_small.dcm
  [[ -f $sample ]] || sample=$(find "$OUT/work/cds/disc/DICOM" -type f | head -1)
  home=$(mktemp -d)
  log "$installed --version"
  PDISTATION_HOME=$home "$installed" --version
  log "$installed dump $sample"
  PDISTATION_HOME=$home "$installed" dump "$sample" | head -20
  rm -rf "$home"

  # The Windows and macOS icons, read back by Pillow (python3-pil), a decoder independent of MakeIcon's.
  log "icons: $NAME.ico and $NAME.icns through Pillow"
  /usr/bin/python3 "$HERE/src/build/check-icons.py" "$OUT/work/$NAME.ico" "$OUT/work/$NAME.icns"

  # The viewer on a disc: a medium made with --viewer passes verify-media, and the viewer started from it through
  # VIEWER/LINUX.SH opens the medium's own DICOMDIR headless (--screenshot exits 0 only once the first series is
  # drawn and saved).
  disc=$OUT/work/disc-check
  home=$(mktemp -d)
  input=${PDISTATION_SHARED:-$ROOT/../shared}/dicomdata/dicomdir/pydicom-dicomdirtests
  [[ -d $input ]] || input=$OUT/work/cds/in
  log "pdistation create --viewer $P ... $input"
  PDISTATION_HOME=$home "$P/$NAME.sh" create --web --out "$disc" --viewer "$P" "$input" | tail -3
  PDISTATION_HOME=$home "$P/$NAME.sh" verify-media --web "$disc" | tail -1
  if command -v xvfb-run >/dev/null; then
    log "sh $disc/VIEWER/LINUX.SH --screenshot (Xvfb)"
    PDISTATION_HOME=$home PDISTATION_STARTUP_PROBE=1 xvfb-run -a -s "-screen 0 1600x1000x24" \
      sh "$disc/VIEWER/LINUX.SH" --screenshot "$OUT/disc-viewer.png" 2>&1 | grep -E '^pdistation' || true
    [[ -s $OUT/disc-viewer.png ]] || die "the viewer on the disc did not draw the medium"
    grep -q "$disc" "$home/settings/recent-media.txt" 2>/dev/null && echo "opened: $disc"
    echo "screenshot: $OUT/disc-viewer.png"
  fi
  rm -rf "$home"
fi
log "done"
