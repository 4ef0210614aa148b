#!/usr/bin/env bash
# Brings up a single-node Slurm cluster on this machine (munge, slurmctld, slurmd), scores a dataset
# as an array job of N shards (one task per shard), merges the shards and compares the merged report
# with one run over the whole dataset. Everything the cluster writes stays in a temporary folder;
# the daemons it started are stopped on exit. Needs root (slurmd runs jobs as their user).
#
#   scripts/slurm_local.sh [MODEL] [DATA] [SHARDS] [UTAD]
#
# MODEL defaults to the sample model, DATA to the bundled battery-weld sample, SHARDS to 4 and UTAD
# to build/bin/utad. Exit status 0 when the merged report matches the single run, 77 when this
# machine cannot run the cluster (not root, Slurm or munge missing).
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL=$(realpath "${1:-resources/models/battery-weld-cpu.utad}")
DATA=$(realpath "${2:-resources/samples/battery-weld}")
SHARDS=${3:-4}
UTAD=$(realpath "${4:-build/bin/utad}")
THREADS=1  # one core per task; the single run uses the same count, so scores match to the last digit

if [ "$(id -u)" -ne 0 ]; then
    echo "slurm_local: needs root (to start munged and slurmd)" >&2
    exit 77
fi
for tool in munged slurmctld slurmd sbatch sinfo; do
    command -v "$tool" >/dev/null || { echo "slurm_local: $tool not found (scripts/setup.sh installs slurm-wlm and munge)" >&2; exit 77; }
done

WORK=$(mktemp -d /tmp/utad-slurm.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() {
    local rc=$?
    command -v scancel >/dev/null && SLURM_CONF=$WORK/slurm.conf scancel --quiet --full "${JOB:-0}" 2>/dev/null || true
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [ $rc -ne 0 ]; then
        echo "slurm_local: failed; logs:" >&2
        tail -n 20 "$WORK"/*.log >&2 2>/dev/null || true
    fi
    rm -rf "$WORK"
    exit $rc
}
trap cleanup EXIT

# munge: the package's key, a socket of our own so a running munged is left alone.
MUNGE_SOCKET=$WORK/munge/munge.socket
mkdir -p "$WORK/munge"
chown munge:munge "$WORK/munge"
runuser -u munge -- munged --foreground --socket="$MUNGE_SOCKET" --pid-file="$WORK/munge/munged.pid" \
    --log-file="$WORK/munged.log" --seed-file="$WORK/munge/seed" >>"$WORK/munged.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do [ -S "$MUNGE_SOCKET" ] && break; sleep 0.2; done
[ -S "$MUNGE_SOCKET" ] || { echo "slurm_local: munged did not start" >&2; exit 1; }

HOST=$(hostname -s)
CPUS=$(nproc)
MEM_MB=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 * 9 / 10 ))
mkdir -p "$WORK/ctld" "$WORK/spool" "$WORK/out"
export SLURM_CONF=$WORK/slurm.conf
cat > "$SLURM_CONF" <<EOF
ClusterName=utad-local
SlurmctldHost=$HOST(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$MUNGE_SOCKET
CredType=cred/munge
StateSaveLocation=$WORK/ctld
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmctldLogFile=$WORK/slurmctld.log
SlurmdLogFile=$WORK/slurmd.log
SlurmctldPort=${UTAD_SLURMCTLD_PORT:-16817}
SlurmdPort=${UTAD_SLURMD_PORT:-16818}
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=$MEM_MB State=UNKNOWN
PartitionName=utad Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
EOF

slurmctld -D -i -f "$SLURM_CONF" >>"$WORK/slurmctld.log" 2>&1 &
PIDS+=($!)
slurmd -D -f "$SLURM_CONF" >>"$WORK/slurmd.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 120); do
    state=$(sinfo -h -o %T 2>/dev/null | head -1 || true)
    [ "$state" = idle ] && break
    sleep 0.5
done
[ "${state:-}" = idle ] || { echo "slurm_local: the node did not come up (state '${state:-none}')" >&2; exit 1; }
echo "slurm_local: cluster up on $HOST ($CPUS CPUs)"

# The array job: the README's recipe, one task per shard.
OUT=$WORK/out
cat > "$WORK/eval-shards.sbatch" <<EOF
#!/bin/sh
#SBATCH --job-name=utad-eval
#SBATCH --array=1-$SHARDS
#SBATCH --cpus-per-task=$THREADS
#SBATCH --output=$OUT/slurm-%a.log
exec "$UTAD" eval --data "$DATA" --model "$MODEL" --threads $THREADS \\
    --shard "\$SLURM_ARRAY_TASK_ID/$SHARDS" --json "$OUT/shard-\$SLURM_ARRAY_TASK_ID.json"
EOF
start=$(date +%s%N)
JOB=$(sbatch --parsable "$WORK/eval-shards.sbatch" | cut -d';' -f1)
# Polled here rather than with sbatch --wait, whose back-off adds up to half a minute.
while [ -n "$(squeue -h -j "$JOB" -o %i 2>/dev/null)" ]; do sleep 0.5; done
end=$(date +%s%N)
for k in $(seq "$SHARDS"); do
    [ -s "$OUT/shard-$k.json" ] || {
        echo "slurm_local: task $k of array job $JOB wrote no shard:" >&2
        cat "$OUT/slurm-$k.log" >&2 || true
        exit 1
    }
done
echo "slurm_local: array job $JOB: $SHARDS shards in $(( (end - start) / 1000000 )) ms"
NAME=slurm_local
. scripts/shard_check.sh
merge_and_compare
