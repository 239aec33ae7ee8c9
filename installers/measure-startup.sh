#!/usr/bin/env bash
# Start-up of the portable viewer from a disc folder, cold (the medium's pages dropped from the page cache, as after
# inserting a disc) and warm: time to the first window, bytes read by then (/proc/self/io at the window), time until
# the first image is drawn and saved (--screenshot), and how much of the medium was read in all (pages the page cache
# holds afterwards, fincore: what a disc drive would have had to deliver).
#
# Usage: installers/measure-startup.sh MEDIUM_FOLDER [RUNS]
#   MEDIUM_FOLDER: made with  pdistation create --out MEDIUM_FOLDER --viewer .../portable/pdistation-linux-x64 ...
# Needs: xvfb-run, fincore (util-linux), python3 (posix_fadvise to drop the medium's pages; no root needed).
set -euo pipefail
MEDIUM=$(cd "${1:?usage: measure-startup.sh MEDIUM_FOLDER [RUNS]}" && pwd)
RUNS=${2:-3}
[[ -x $MEDIUM/VIEWER/LINUX.SH ]] || { echo "no VIEWER/LINUX.SH in $MEDIUM (create it with --viewer)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

drop_cache() { # POSIX_FADV_DONTNEED on every file of the medium: the next start reads them from the device again
  sync
  python3 - "$MEDIUM" <<'EOF'
import os, sys
for d, _, files in os.walk(sys.argv[1]):
    for f in files:
        p = os.path.join(d, f)
        try:
            fd = os.open(p, os.O_RDONLY)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            os.close(fd)
        except OSError:
            pass
EOF
}

resident() { # bytes of the medium's files now in the page cache
  find "$MEDIUM" -type f -print0 | xargs -0 fincore -b -n -o RES 2>/dev/null | awk '{s += $1} END {print s + 0}'
}

run_once() { # $1: cold|warm
  [[ $1 == cold ]] && drop_cache
  local before after start end
  before=$(resident)
  start=$(date +%s%N)
  PDISTATION_HOME=$WORK/home PDISTATION_STARTUP_PROBE=1 xvfb-run -a -s "-screen 0 1600x1000x24" \
    sh "$MEDIUM/VIEWER/LINUX.SH" --screenshot "$WORK/shot.png" > "$WORK/out.log" 2>&1
  end=$(date +%s%N)
  after=$(resident)
  [[ -s $WORK/shot.png ]] || { cat "$WORK/out.log"; echo "no screenshot" >&2; exit 1; }
  local probe
  probe=$(grep -o 'window shown after.*' "$WORK/out.log" || echo "window shown after ? ms")
  printf '%-4s %s; first image saved after %d ms (incl. xvfb-run); medium pages read %.1f MB\n' "$1" "$probe" \
    $(((end - start) / 1000000)) "$(echo "($after - $before) / 1000000" | bc -l)"
}

echo "medium: $MEDIUM ($(du -sh "$MEDIUM/VIEWER" | cut -f1) viewer)"
for ((i = 1; i <= RUNS; i++)); do run_once cold; done
for ((i = 1; i <= RUNS; i++)); do run_once warm; done
