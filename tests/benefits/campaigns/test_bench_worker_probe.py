"""The campaigns bench's worker probe (bench/worker_probe.py) and what the bench reads from it: the
bench's lines "inside the workers" must split the workers' CPU the way they say."""

import json

from bench import worker_probe
from bench.bench_campaigns import worker_side


def test_the_probe_records_a_task_and_the_core_batch_inside_it(tmp_path, monkeypatch):
    out = tmp_path / "tasks.jsonl"
    monkeypatch.setenv("BENCH_PROBE_OUT", str(out))
    batch = worker_probe.timed_batch(lambda cases, explain: ({"id": case} for case in cases))

    def chunk_run(*, chunk_id):
        assert list(batch(["a", "b", "c"], explain=False)) == [{"id": "a"}, {"id": "b"}, {"id": "c"}]
        return f"done {chunk_id}"

    assert worker_probe.timed_task(chunk_run, "chunk")(chunk_id=7) == "done 7"
    (line,) = worker_probe.read(str(out))
    assert line["task"] == "chunk" and line["households"] == 3
    assert line["end"] >= line["start"] and line["cpu"] >= line["core"] >= 0
    assert line["core_wall"] >= 0 and line["core_switches"] >= 0
    assert json.loads(out.read_text()) == line


def test_worker_side_splits_the_workers_cpu_and_their_idle_wall_clock():
    def chunk(pid, start, end, cpu, core, households=500, switches=0):
        return {
            "core_wall": core * 2,
            "core_switches": switches,
            "pid": pid,
            "task": "chunk",
            "start": start,
            "end": end,
            "cpu": cpu,
            "core": core,
            "households": households,
        }

    records = [
        {"pid": 1, "task": "dispatch", "start": 0.0, "end": 0.1, "cpu": 0.05, "core": 0.0, "households": 0},
        chunk(1, 0.2, 1.0, 0.6, 0.4, switches=10),
        chunk(1, 1.1, 2.0, 0.7, 0.5, switches=40),
        chunk(2, 0.3, 1.3, 0.8, 0.5, switches=50),
    ]
    side = worker_side(
        records, pids=[1, 2, 3], launched=0.0, last_done=2.0, workers_cpu=[1.45, 0.9, 0.0], reference=1000.0
    )
    assert side["chunks"] == 3 and side["households"] == 1500
    assert round(side["core"], 6) == 1.4 and round(side["outside"], 6) == 0.7
    assert round(side["dispatch"], 6) == 0.05
    assert round(side["celery"], 6) == round(2.35 - 2.1 - 0.05, 6)  # the workers' CPU in no task
    assert round(side["core_ratio"], 6) == round(1.4 / 1500 * 1000.0, 6)  # against 1 ms a household
    (first1, between1, tail1, count1), (first2, between2, tail2, count2), idle = side["waits"]
    assert (round(first1, 6), round(between1, 6), round(tail1, 6), count1) == (0.2, 0.1, 0.0, 2)
    assert (round(first2, 6), round(between2, 6), round(tail2, 6), count2) == (0.3, 0.0, 0.7, 1)
    assert idle == (2.0, 0.0, 0.0, 0)  # a worker that ran no chunk waited the whole campaign
    assert side["first"] == [0.6, 0.8] and side["median"] == 0.7
    assert side["switches"] == 100 and round(side["core_wall"], 6) == 2.8
    # split at the median of switches a household: the least interrupted chunk, then the other two
    (few, few_core), (many, many_core) = side["by_switches"]
    assert (round(few, 6), round(few_core, 6)) == (0.02, 0.0008)
    assert (round(many, 6), round(many_core, 6)) == (0.09, 0.001)
