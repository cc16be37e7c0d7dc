"""Run part of a build in a forked child process.

At national scale one core renders while the other mostly waits. A forked child starts
with the loaded catalogue as it is (nothing is pickled on the way in), so it can render
half of the pages, or write files no page depends on, while the build goes on. A child
also keeps its temporary memory to itself: the data files are read in two, so the YAML
parser's node trees never enter the build. Where fork is not available (Windows) the same
work runs in this process: slower and larger, with the same result.
"""

from __future__ import annotations

import multiprocessing
import sys
import traceback
from functools import partial
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class ParallelError(RuntimeError):
    """The child ended without an answer, or failed with an error that cannot travel back."""


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class Background:
    """`work()` started in a forked child; `wait` returns when it is done and raises its error."""

    def __init__(self, work: Callable[[], object]) -> None:
        self._child: _Child | None = _Child(work) if can_fork() else None
        if self._child is None:
            work()

    def wait(self) -> None:
        child = self._child  # kept while waiting: stop() from another thread can still end it
        if child is not None:
            try:
                child.result()
            finally:
                self._child = None

    def stop(self) -> None:
        """End the work unfinished (the build it belonged to failed)."""
        if self._child is not None:
            child, self._child = self._child, None
            child.stop()


def map_apart(function: Callable[[T], R], items: Sequence[T], weights: Sequence[float], processes: int = 2) -> list[R]:
    """`[function(item) for item in items]` computed in `processes` forked children and none
    in this process, so nothing they allocate on the way enters it: only the results come
    back (pickled), in the items' order. Each item goes to the child with the least weight
    so far, heaviest first, so that the children end at about the same time."""
    if not can_fork() or len(items) < 2:
        return [function(item) for item in items]
    shares: list[list[int]] = [[] for _ in range(processes)]
    load = [0.0] * processes
    for index in sorted(range(len(items)), key=lambda i: -weights[i]):
        lightest = load.index(min(load))
        shares[lightest].append(index)
        load[lightest] += weights[index]
    shares = [sorted(share) for share in shares if share]
    children = [_Child(partial(_map, function, [items[i] for i in share])) for share in shares]
    merged: list = [None] * len(items)
    try:
        for child, share in zip(children, shares):
            for index, result in zip(share, child.result()):
                merged[index] = result
    except BaseException:
        for child in children:
            child.stop()  # those not yet heard from; the rest have ended already
        raise
    return merged


def _map(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    return [function(item) for item in items]


def split_map(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """`[function(item) for item in items]`, every other item computed in a forked child.
    The results come back pickled, in the items' order."""
    if not can_fork() or len(items) < 2:
        return [function(item) for item in items]
    child = _Child(lambda: [function(item) for item in items[1::2]])
    try:
        mine = [function(item) for item in items[0::2]]
    except BaseException:
        child.stop()  # or it would wait forever to hand over its half (mkdocs serve lives on)
        raise
    merged: list = [None] * len(items)
    merged[0::2], merged[1::2] = mine, child.result()
    return merged


class _Child:
    def __init__(self, work: Callable[[], object]) -> None:
        sys.stdout.flush()  # or the child would print a copy of what is still buffered
        sys.stderr.flush()
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(work, sender), name="rinnakkain", daemon=True)
        self._process.start()
        sender.close()

    def result(self):
        try:
            failed, value = self._receiver.recv()
        except EOFError:  # ended without a word: killed, or out of memory
            failed, value = True, None
        finally:
            self._receiver.close()
            self._process.join()
        if failed:
            raise value or ParallelError(f"rinnakkainen prosessi päättyi odottamatta (koodi {self._process.exitcode})")
        return value

    def stop(self) -> None:
        # The pipe is left to `result` (or to the garbage collector): another thread may be about
        # to read it, and a number closed here can be reused at once by a file this thread opens,
        # which that read would then wait on for ever. The ended child gives it its end of file.
        self._process.terminate()
        self._process.join()


def _run(work: Callable[[], object], sender) -> None:
    try:
        sender.send((False, work()))
    except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent
        details = traceback.format_exc()
        error.add_note(f"(rinnakkaisessa prosessissa)\n{details}")
        try:
            sender.send((True, error))  # raised again in the parent as itself, e.g. DataError
        except Exception:  # noqa: BLE001 - the error itself cannot be pickled
            sender.send((True, ParallelError(details)))
    finally:
        sender.close()
