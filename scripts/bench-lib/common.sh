# shellcheck shell=bash
# Helpers shared by scripts/bench and scripts/bench-ci (sourced, not run).
#
# They run the real `unknot` binary on a private Xvfb display with Mesa's software renderer,
# drive it with xdotool, read the statistics file the app writes on exit (see src/app/bench.rs)
# and measure the process from /proc. Only processes started here are ever stopped, by PID.

BL_TMP=$(mktemp -d "${TMPDIR:-/tmp}/unknot-bench.XXXXXX")
BL_XVFB_PIDS=()
BL_APP_PIDS=()
BL_BIN=""
BL_PID=""
BL_WID=""
BL_STATS=""
BL_WOKEN=0

bl_cleanup() {
  local p
  for p in "${BL_APP_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
  [[ -n "${BL_XEV_PID:-}" ]] && kill -TERM "$BL_XEV_PID" 2>/dev/null
  for p in "${BL_XVFB_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
  for p in "${BL_APP_PIDS[@]}" "${BL_XVFB_PIDS[@]}"; do wait "$p" 2>/dev/null; done
  [[ -n "${BL_KEEP_TMP:-}" ]] || rm -rf "$BL_TMP"
}
trap bl_cleanup EXIT
trap 'exit 130' INT TERM

bl_now_ns() { date +%s%N; }
bl_median() { sort -n | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)] }'; }
bl_ms_since() { echo $(( ($(bl_now_ns) - $1) / 1000000 )); }

# ---- system packages ---------------------------------------------------------------------
# The display server, xdotool and the runtime half of Mesa's software OpenGL (llvmpipe).
BL_PACKAGES=(xvfb x11-utils xdotool libgl1-mesa-dri libglx-mesa0 libegl-mesa0 libgl1 libegl1
  libxkbcommon-x11-0 libxcursor1 libxrandr2 libxi6)

bl_need_packages() {
  local missing=() p sudo_cmd=()
  if command -v dpkg-query >/dev/null 2>&1; then
    for p in "${BL_PACKAGES[@]}"; do
      dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
    done
  else
    for p in Xvfb xdpyinfo xdotool; do
      command -v "$p" >/dev/null 2>&1 && continue
      echo "unknot bench: $p is missing; install Xvfb, xdpyinfo (x11-utils), xdotool and Mesa's software OpenGL." >&2
      return 1
    done
    return 0
  fi
  ((${#missing[@]})) || return 0
  if [[ "$(id -u)" -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo_cmd=(sudo)
    else
      echo "unknot bench: missing system packages. Run this once, then try again:" >&2
      echo "  sudo apt-get install -y ${missing[*]}" >&2
      return 1
    fi
  fi
  echo "unknot bench: installing ${missing[*]} ..." >&2
  "${sudo_cmd[@]}" apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# ---- display -----------------------------------------------------------------------------
# bl_start_x [FIRST]: starts a private Xvfb (1280x800x24, no window manager) on the first free
# display from :FIRST (default 140) and exports DISPLAY.
bl_start_x() {
  local n=${1:-140} pid
  while [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]]; do n=$((n + 1)); done
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp -noreset >"$BL_TMP/xvfb-$n.log" 2>&1 &
  pid=$!
  BL_XVFB_PIDS+=("$pid")
  for _ in $(seq 100); do DISPLAY=":$n" xdpyinfo >/dev/null 2>&1 && break; sleep 0.05; done
  if ! DISPLAY=":$n" xdpyinfo >/dev/null 2>&1; then
    echo "unknot bench: Xvfb :$n did not start:" >&2
    cat "$BL_TMP/xvfb-$n.log" >&2
    return 1
  fi
  export DISPLAY=":$n"
  # Keep the pointer off the app's window (1180x760 at 0,0) so it sends no hover events.
  xdotool mousemove 1275 795 2>/dev/null
}

# The environment every run shares: software OpenGL, X11 only, no sound card assumptions.
bl_env() {
  export LIBGL_ALWAYS_SOFTWARE=1
  unset WAYLAND_DISPLAY
}

# ---- running the app -----------------------------------------------------------------------
# bl_home DIR: a fresh UNKNOT_HOME whose settings say the red flags were already read (and
# the back-pain question is off, so a started routine runs at once).
bl_home() {
  rm -rf "$1"
  mkdir -p "$1/config" "$1/data/routines"
  printf 'format_version = 1\nsafety_acknowledged = true\nask_back_pain = false\n' >"$1/config/settings.toml"
  # Two routines for the figure's states: a long set of moves (the figure animates all through
  # it, from 5 s to 125 s) and long holds (the figure moves into position from 5 s to about
  # 7 s, then stands still until 65 s).
  printf '%s\n' 'format_version = 2' 'id = "bench-moves"' 'name = "Bench: moves"' \
    'category = "stretch"' '[[steps]]' 'id = "a"' 'technique = "cat-cow"' 'tempo_seconds = 6' \
    'reps = 10' '[[steps]]' 'id = "b"' 'technique = "cat-cow"' 'tempo_seconds = 6' 'reps = 10' \
    >"$1/data/routines/bench-moves.toml"
  printf '%s\n' 'format_version = 2' 'id = "bench-hold"' 'name = "Bench: hold"' \
    'category = "stretch"' '[[steps]]' 'id = "a"' 'technique = "hamstring-strap"' \
    'hold_seconds = 60' 'reps = 2' 'rest_seconds = 5' >"$1/data/routines/bench-hold.toml"
}

# bl_launch NAME SECONDS RECORD ARGS...: starts the app in the background with its statistics
# going to $BL_TMP/NAME.toml; SECONDS: UNKNOT_BENCH_SECONDS (0: unset); RECORD 1: record cues.
# Sets BL_PID and BL_STATS.
bl_launch() {
  local name=$1 secs=$2 record=$3
  shift 3
  local home="$BL_TMP/home-$name" vars=()
  bl_home "$home"
  BL_STATS="$BL_TMP/$name.toml"
  rm -f "$BL_STATS"
  vars=(UNKNOT_HOME="$home" UNKNOT_BENCH_STATS="$BL_STATS")
  [[ "$secs" != 0 ]] && vars+=(UNKNOT_BENCH_SECONDS="$secs")
  [[ "$record" == 1 ]] && vars+=(UNKNOT_BENCH_RECORD_CUES=1)
  env "${vars[@]}" "$BL_BIN" "$@" >"$BL_TMP/$name.log" 2>&1 &
  BL_PID=$!
  BL_APP_PIDS+=("$BL_PID")
}

# bl_wait_window PID [TIMEOUT_S]: waits for PID's window to be mapped; sets BL_WID.
bl_wait_window() {
  local pid=$1 deadline=$(( $(date +%s) + ${2:-30} ))
  BL_WID=""
  while [[ -z "$BL_WID" ]]; do
    BL_WID=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | head -n1)
    [[ -n "$BL_WID" ]] && return 0
    kill -0 "$pid" 2>/dev/null || { echo "unknot bench: the app exited before its window appeared" >&2; return 1; }
    (( $(date +%s) > deadline )) && { echo "unknot bench: no window after ${2:-30} s" >&2; return 1; }
    sleep 0.02
  done
}

# bl_close PID WID DEADLINE_S: waits until the app has closed itself (UNKNOT_BENCH_SECONDS);
# past DEADLINE_S seconds from now, maps the window (if hidden) and moves the pointer over it:
# the app checks its exit time only when it runs a pass, so an idle window needs that nudge.
# Sets BL_WOKEN=1 when it was needed. Returns 1 if the app had to be killed.
bl_close() {
  local pid=$1 wid=$2 deadline=$(( $(bl_now_ns) + $3 * 1000000000 ))
  BL_WOKEN=0
  while kill -0 "$pid" 2>/dev/null && (( $(bl_now_ns) < deadline )); do sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    BL_WOKEN=1
    xdotool windowmap "$wid" 2>/dev/null
    sleep 0.2
    xdotool mousemove --window "$wid" 4 4 2>/dev/null
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    xdotool mousemove 1275 795 2>/dev/null
  fi
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    return 1
  fi
  wait "$pid" 2>/dev/null
  return 0
}

# ---- measuring ---------------------------------------------------------------------------
# CPU time of the whole process (all threads, also those that ended), in clock ticks.
bl_cpu_ticks() {
  local line
  read -r line <"/proc/$1/stat" || return 1
  line=${line##*) }
  # shellcheck disable=SC2086
  set -- $line
  echo $(( ${12} + ${13} ))
}

# Context switches of all live threads: how often the process woke up.
bl_wakeups() {
  cat /proc/"$1"/task/*/status 2>/dev/null |
    awk '/^(voluntary|nonvoluntary)_ctxt_switches:/ { n += $2 } END { print n + 0 }'
}

bl_rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
bl_pss_mb() { awk '/^Pss:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/smaps_rollup"; }

# bl_sample PID SECONDS: sets S_CPU (% of one core), S_WAKE (wake-ups per second), S_RSS and
# S_PSS (MB, at the end), S_SECS (wall seconds).
bl_sample() {
  local pid=$1 secs=$2 hz t0 t1 c0 c1 w0 w1
  hz=$(getconf CLK_TCK)
  t0=$(bl_now_ns); c0=$(bl_cpu_ticks "$pid"); w0=$(bl_wakeups "$pid")
  sleep "$secs"
  t1=$(bl_now_ns); c1=$(bl_cpu_ticks "$pid") || return 1; w1=$(bl_wakeups "$pid")
  S_RSS=$(bl_rss_mb "$pid"); S_PSS=$(bl_pss_mb "$pid")
  S_SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
  S_CPU=$(awk -v d="$((c1 - c0))" -v hz="$hz" -v s="$S_SECS" 'BEGIN { printf "%.3f", d / hz / s * 100 }')
  S_WAKE=$(awk -v d="$((w1 - w0))" -v s="$S_SECS" 'BEGIN { printf "%.1f", d / s }')
}

# bl_sleep_until START_NS SECONDS: sleeps until SECONDS after START_NS.
bl_sleep_until() {
  local left=$(( ($1 + $2 * 1000000000 - $(bl_now_ns)) / 1000000 ))
  ((left > 0)) && sleep "$(awk -v m="$left" 'BEGIN { printf "%.3f", m / 1000 }')"
  return 0
}

# bl_stat FILE KEY: a top-level value from a statistics file.
bl_stat() { awk -F ' = ' -v k="$2" '$1 == k { print $2; exit }' "$1" 2>/dev/null; }

# bl_cues FILE [DUE_BEFORE_MS]: matches every recorded cue to its planned one (same sound, in
# order; a planned cue with no recording is missing) and prints one line:
#   due=N matched=N missing=N extra=N early=N p50=MS p99=MS max=MS min=MS first=MS last=MS
#   drift=MS trend=MS
# lateness = actual - planned; drift = last - first; trend = median of the last 3 - median of
# the first 3 (robust against one noisy cue). Planned cues at or after DUE_BEFORE_MS (default:
# 1.5 s before the run ended) are not counted as due.
bl_cues() {
  local due_before=${2:-}
  [[ -n "$due_before" ]] || due_before=$(awk -F ' = ' '$1 == "seconds" { printf "%d", $2 * 1000 - 1500; exit }' "$1")
  awk -v due_before="$due_before" '
    function arr(s, out,   n, i, parts) {
      sub(/^[^[]*\[/, "", s); sub(/\][^]]*$/, "", s)
      n = split(s, parts, /, */)
      for (i = 1; i <= n; i++) { gsub(/"/, "", parts[i]); out[i] = parts[i] }
      return (s == "") ? 0 : n
    }
    function med3(a, b, c) { return (a > b) ? ((b > c) ? b : ((a > c) ? c : a)) : ((a > c) ? a : ((b > c) ? c : b)) }
    /^planned_at_ms = / { np = arr($0, pat) }
    /^planned_kinds = / { arr($0, pkind) }
    /^recorded_cues = / { recorded = $3 }
    /^played = / { v = $3; gsub(/"/, "", v); nc++; ckind[nc] = v }
    /^actual_ms = / { cact[nc] = $3 + 0 }
    END {
      if (np == 0) { print "due=0 matched=0 missing=0 extra=0 early=0"; exit }
      due = 0
      for (i = 1; i <= np; i++) if (due_before == "" || pat[i] + 0 < due_before + 0) due++
      p = 1; m = 0
      for (j = 1; j <= nc; j++) {
        for (i = p; i <= np; i++) if (pkind[i] == ckind[j] && pat[i] + 1500 >= cact[j]) break
        if (i > np) continue
        m++; late[m] = cact[j] - pat[i]; p = i + 1
      }
      early = 0; mn = 1e18; mx = -1e18
      for (k = 1; k <= m; k++) { s[k] = late[k]; if (late[k] < 0) early++; if (late[k] < mn) mn = late[k]; if (late[k] > mx) mx = late[k] }
      for (a = 2; a <= m; a++) { x = s[a]; b = a - 1; while (b >= 1 && s[b] > x) { s[b + 1] = s[b]; b-- } s[b + 1] = x }
      extra = ((recorded != "") ? recorded : nc) - m
      missing = due - m; if (missing < 0) missing = 0
      if (m == 0) { printf "due=%d matched=0 missing=%d extra=%d early=0\n", due, missing, extra; exit }
      p50 = s[int((m * 50 + 99) / 100)]; p99 = s[int((m * 99 + 99) / 100)]
      trend = (m >= 6) ? med3(late[m - 2], late[m - 1], late[m]) - med3(late[1], late[2], late[3]) : late[m] - late[1]
      printf "due=%d matched=%d missing=%d extra=%d early=%d p50=%.3f p99=%.3f max=%.3f min=%.3f first=%.3f last=%.3f drift=%.3f trend=%.3f\n",
        due, m, missing, extra, early, p50, p99, mx, mn, late[1], late[m], late[m] - late[1], trend
    }' "$1"
}

# bl_kv "k=v k=v" KEY: a value from such a line.
bl_kv() { tr ' ' '\n' <<<"$1" | awk -F= -v k="$2" '$1 == k { print $2; exit }'; }

# The total length of a routine at a target, in seconds, from `unknot show`.
bl_routine_secs() {
  "$BL_BIN" show "$1" --minutes "$2" | awk '/^Total:/ { n = split($2, t, ":"); print t[1] * 60 + t[2] }'
}

# ---- first window --------------------------------------------------------------------------
# bl_watch_maps: from now on, every window mapped on the private display is timestamped as the
# X server reports it (MapNotify, from xev on the root window) into BL_MAPLOG. Without xev,
# bl_window_run polls xdotool every ~10 ms instead (~10 ms coarser). BL_FW_HOW says which.
BL_MAPLOG="$BL_TMP/map.log"
bl_watch_maps() {
  : >"$BL_MAPLOG"
  if command -v xev >/dev/null 2>&1 && command -v stdbuf >/dev/null 2>&1; then
    (stdbuf -oL xev -root -event substructure 2>/dev/null |
      while IFS= read -r line; do [[ $line == MapNotify* ]] && echo "$EPOCHREALTIME"; done) >"$BL_MAPLOG" &
    BL_XEV_PID=$!
    BL_FW_HOW="MapNotify from the X server"
    sleep 0.3
  else
    BL_FW_HOW="xdotool poll every ~10 ms"
  fi
}

# bl_window_run CMD...: milliseconds from launching CMD to its first window being mapped (or
# "timeout" after ~30 s), then stops it. HOME and UNKNOT_HOME are a fresh folder each time, so
# any app starts with its own settings as on a first login; XDG_CACHE_HOME is one folder for
# the whole benchmark, so Mesa's shader cache is warm after the first run for every app alike.
bl_window_run() {
  local home="$BL_TMP/home-fw" t0 pid ms="" seen n
  bl_home "$home"
  seen=$(wc -l <"$BL_MAPLOG" 2>/dev/null || echo 0)
  t0=$EPOCHREALTIME
  HOME="$home" UNKNOT_HOME="$home" XDG_CACHE_HOME="$BL_TMP/cache" "$@" >"$BL_TMP/fw.log" 2>&1 &
  pid=$!
  for _ in $(seq 3000); do
    if [[ -n "${BL_XEV_PID:-}" ]]; then
      n=$(wc -l <"$BL_MAPLOG")
      if ((n > seen)); then
        ms=$(sed -n "$((seen + 1))p" "$BL_MAPLOG" | awk -v t0="$t0" '{ printf "%.0f", ($1 - t0) * 1000 }')
        break
      fi
    elif [[ -n "$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null)" ]]; then
      ms=$(awk -v t0="$t0" -v t1="$EPOCHREALTIME" 'BEGIN { printf "%.0f", (t1 - t0) * 1000 }')
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
  done
  kill -TERM "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  echo "${ms:-timeout}"
}
