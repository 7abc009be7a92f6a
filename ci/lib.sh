# Sourced by the ci scripts (". "$(dirname "$0")/lib.sh""): strict mode, the repository root as
# the working directory, what Open MPI needs for this project's own runs, JDK discovery, and the
# benchmarks jar's command line.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Open MPI refuses to run as root unless told that it is meant, and more ranks than cores unless
# allowed to oversubscribe (which leaves its binding of -n 2 on 2 cores as it is). For these
# scripts only: a user's own mpirun is left to the user.
if [ "$(id -u)" -eq 0 ]; then
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
fi
export OMPI_MCA_rmaps_base_oversubscribe=1

# The default JDK's java binary (JDK 17 on Debian 12: the JNA binding).
default_java() {
  readlink -f "$(command -v java)"
}

# The home of the newest JDK 22+ with javac under /usr/lib/jvm, which builds and runs the FFM
# binding; nothing when there is none.
ffm_jdk() {
  local jdk release best="" best_release=0
  for jdk in /usr/lib/jvm/*/; do
    release="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release" 2>/dev/null || true)"
    if [ -n "$release" ] && [ "$release" -ge 22 ] && [ "$release" -gt "$best_release" ] \
        && [ -x "$jdk/bin/javac" ]; then
      best="${jdk%/}" best_release="$release"
    fi
  done
  [ -z "$best" ] || echo "$best"
}

# The java binaries the benchmarks run on: the default JDK's, then the JDK 22+'s if there is one.
bench_javas() {
  local ffm
  default_java
  ffm="$(ffm_jdk)"
  [ -z "$ffm" ] || echo "$ffm/bin/java"
}

# The feature release of the java binary $1 (17, 25).
java_release() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ { print $2 }'
}

# What follows a java binary to run benchmarks.jar: "$java" "${BENCH_JAR[@]}" ARGS...
BENCH_JAR=(--enable-native-access=ALL-UNNAMED -jar benchmarks/target/benchmarks.jar)

# Inside ci/nodes: runs the rest of the arguments under Open MPI's launcher with $1 ranks on
# node a and $2 on node b, the ranks talking over TCP. Unbound: each node's daemon would bind
# its first rank to core 0, the same core here, and two ranks spinning on one core take turns
# at the scheduler's 4 ms tick.
nodes_mpirun() {
  local a="$1" b="$2" hosts=($JPAR_NODE_HOSTS)
  shift 2
  mpirun.openmpi --host "${hosts[0]}:$a,${hosts[1]}:$b" -n $((a + b)) --bind-to none \
    --mca plm_rsh_agent "$JPAR_NODE_AGENT" --mca btl tcp,self "$@"
}

# Inside ci/nodes: the same under MPICH's launcher (hydra), which reaches both nodes through
# the same agent and tells them node a's address on the link. MPICH's UCX would find the other
# node's ranks in this machine's shared memory: UCX_TLS keeps it to TCP. Over it, MPICH 4.0.2's
# MPI_Finalize hangs after one-way traffic (native/probe/finalize_after_send.c says why).
nodes_mpiexec_mpich() {
  local a="$1" b="$2" hosts=($JPAR_NODE_HOSTS)
  shift 2
  # Hydra hands its own environment to every rank: without JPAR_NODE, each rank keeps the one
  # its node's agent set.
  env -u JPAR_NODE UCX_TLS=tcp,self mpiexec.mpich -hosts "${hosts[0]}:$a,${hosts[1]}:$b" -n $((a + b)) -launcher ssh \
    -launcher-exec "$JPAR_NODE_AGENT" -iface "$JPAR_NODE_IFACE" "$@"
}
