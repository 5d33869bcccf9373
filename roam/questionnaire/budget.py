"""Every upload is read within a time and a memory budget, in a child process.

The sheet scan (scan.py) bounds what a workbook may ask of the reader, but a reader is large
native code; if some file still makes it run long or allocate without end, only the child that
reads it is stopped, and the app keeps serving everybody else. Children are forked from a small
forkserver that has the reader and the catalogue already loaded, so a budgeted read costs a few
milliseconds more than a direct one (benchmarks/run.py reports both).

Where forkserver is not available (Windows) the file is read in-process, still bounded by the
scan's limits.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.spawn
import os
import resource
import threading
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path

from roam.errors import QuestionnaireError, ValidationReport
from roam.questionnaire.model import Assessment
from roam.questionnaire.validate import Source, _load_bytes, check_questionnaire
from roam.questionnaire.vocab import vocabulary

PRELOAD = "roam.questionnaire.preload"
MB = 1024 * 1024
_ENV = ("ROAM_INDICATORS_DIR",)


def _context() -> multiprocessing.context.BaseContext | None:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return None
    context = multiprocessing.get_context("forkserver")
    # Never "__main__": under Streamlit the main module is app.py, which must not run again.
    context.set_forkserver_preload([PRELOAD])
    return context


# Children start from the forkserver with roam already loaded; multiprocessing would also
# re-run the caller's main script in each child (app.py under Streamlit, any unguarded script),
# which here is never needed: the child's entry point lives in this module.
_launching = threading.local()
_preparation_data = multiprocessing.spawn.get_preparation_data


def _preparation_data_without_main(name: str) -> dict:
    data = _preparation_data(name)
    if getattr(_launching, "active", False):
        data.pop("init_main_from_path", None)
        data.pop("init_main_from_name", None)
    return data


multiprocessing.spawn.get_preparation_data = _preparation_data_without_main


@contextlib.contextmanager
def _without_main() -> Iterator[None]:
    _launching.active = True
    try:
        yield
    finally:
        _launching.active = False


def check_within_budget(
    source: Source,
    *,
    filename: str | None = None,
    max_file_mb: float | None = None,
    max_seconds: float | None = None,
    max_memory_mb: float | None = None,
) -> tuple[Assessment | None, ValidationReport]:
    """`check_questionnaire` in a child process limited in time and memory; a child that runs
    out of either is stopped and the file refused with a plain message."""
    limits = vocabulary().limits
    seconds = max_seconds or limits.max_seconds
    memory_mb = max_memory_mb or limits.max_memory_mb
    report = ValidationReport()
    if max_file_mb is not None:
        limits = limits.model_copy(update={"max_file_mb": max_file_mb})
    data = _load_bytes(source, limits, report)
    if data is None:
        return None, report
    if filename is None and isinstance(source, str | Path):
        filename = Path(source).name
    context = _context()
    if context is None:
        return check_questionnaire(data, filename=filename, max_file_mb=max_file_mb)
    receive, send = context.Pipe(duplex=False)
    env = {name: os.environ.get(name) for name in _ENV}
    child = context.Process(
        target=_read_in_child,
        args=(send, data, filename, max_file_mb, memory_mb, env),
        daemon=True,
    )
    with _without_main():
        child.start()
    send.close()
    outcome: tuple[str, object] | None = None
    timed_out = False
    try:
        if receive.poll(seconds):
            outcome = receive.recv()
        else:
            timed_out = True
    except (EOFError, OSError):
        outcome = None  # the child died: a native abort when memory ran out
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join()
    if outcome is not None and outcome[0] == "done":
        return outcome[1]  # type: ignore[return-value]
    refused = ValidationReport()
    if outcome is not None and outcome[0] == "failed":
        refused.add("reader_failed", detail=outcome[1])
    elif timed_out:
        refused.add("over_time_budget", seconds=seconds)
    else:
        refused.add("over_memory_budget", memory_mb=memory_mb)
    return None, refused


def read_within_budget(source: Source, *, filename: str | None = None) -> Assessment:
    """`read_questionnaire` within the budget: raises QuestionnaireError with every issue."""
    assessment, report = check_within_budget(source, filename=filename)
    if assessment is None or not report.valid:
        shown = filename or (Path(source).name if isinstance(source, str | Path) else None)
        raise QuestionnaireError(report, file=shown)
    return assessment


def _read_in_child(
    send: Connection,
    data: bytes,
    filename: str | None,
    max_file_mb: float | None,
    memory_mb: float,
    env: dict[str, str | None],
) -> None:
    for name, value in env.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    _limit_memory(memory_mb)
    try:
        result = check_questionnaire(data, filename=filename, max_file_mb=max_file_mb)
    except MemoryError:
        send.send(("memory", None))
    except Exception as exc:  # noqa: BLE001  (a reader bug: say so, not blame the size)
        send.send(("failed", type(exc).__name__))
    else:
        send.send(("done", result))
    finally:
        send.close()


def _limit_memory(memory_mb: float) -> None:
    """Address space now plus the budget: allocations past it fail (MemoryError in Python,
    an abort in native code), which ends this child only."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            used = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return
    cap = used + int(memory_mb * MB)
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
