"""Ingest on every core: files are read and articles tagged in worker processes, while
this process alone writes, one article per transaction, in the order of the input.

The order of writing is the order one process would write in, so the stories (grouped
as each article is added) come out the same; only the tagging runs ahead, a few
articles per worker. The workers never touch the database: an interrupted or killed
ingest leaves what the writer committed, whole articles only, and a rerun skips them
(recognised by their text before they are sent to be tagged). Workers start from a
fork server (never a fork of this process, which may hold Qt's threads or open
database connections) and end when this process does, even when it is killed.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.model import Article, Event
from timeline.pipeline import (
    DATABASE_FAILURES_IN_A_ROW,
    Analysed,
    IngestSummary,
    analyse_for_store,
    articles_in_file,
    dedupe_keys_of,
    settle_if_stored,
    stop_if_database_failing,
    store_analysed,
)
from timeline.shards import Shard, article_key, file_key, split_by_article
from timeline.sources import SourceError, collect_files

if TYPE_CHECKING:
    from timeline.store import Repository

# Articles tagged ahead of the writer, per worker: enough that a worker never waits for
# the writer. Articles differ a hundredfold in length (T17: 2 KB to 230 KB): while one
# worker tags a long one the writer waits on, the others must have work to go on with,
# or their cores idle (with 4 a worker, the other worker ran dry behind a long article).
# A Ctrl-C throws away only what the workers are tagging at that moment; what waits its
# turn is cancelled, and a prepared article is a few tens of KB.
AHEAD_PER_WORKER = 32
# Files read ahead of the articles being tagged.
FILES_AHEAD = 2
# Without --jobs, an input this small is done in this process: starting the workers
# (a fresh interpreter that loads the tagger) costs about as much as tagging it.
SMALL_INPUT_BYTES = 64 * 1024
# Until a many-article file has been read, its size is guessed to hold one article per
# this many bytes (T17's feeds hold 4-8 KB an article).
GUESSED_ARTICLE_BYTES = 5000
_WORKER_MODULES = ["timeline.pipeline", "timeline.temporal", "timeline.events",
                   "timeline.store.prepared"]


@dataclass(frozen=True)
class IngestProgress:
    """Where an ingest stands: articles handled (added, already there or refused) of
    ``total`` (counted in the files read, estimated from size for the rest), files read
    of ``files``, articles per second so far, seconds left (None before the first
    article), and the name of the last article handled."""

    done: int
    total: int
    files_read: int
    files: int
    rate: float
    seconds_left: float | None
    name: str

    def pace(self) -> str:
        """Return the rate and the time left as a person reads them:
        "12.5 articles/s, 3:05 left" ("starting" before the first article)."""
        if self.seconds_left is None:
            return "starting"
        hours, rest = divmod(round(self.seconds_left), 3600)
        minutes = f"{rest // 60:02d}" if hours else f"{rest // 60}"
        clock = f"{hours}:{minutes}:{rest % 60:02d}" if hours else f"{minutes}:{rest % 60:02d}"
        return f"{self.rate:.1f} articles/s, {clock} left"


ProgressCallback = Callable[[IngestProgress], None]


def default_jobs() -> int:
    """Return the number of cores this process may run on (at least 1)."""
    counted = getattr(os, "process_cpu_count", None)
    if counted is not None:
        return max(1, counted() or 1)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class _Input:
    """A file to read (or the SourceError in its place), its shard key and its size."""

    file: Path | SourceError
    key: str
    size: int
    many: bool  # may hold many articles: shared article by article


# An article (or a refusal as name and reason), an export's events, the text's dedupe
# keys (computed by the worker that read it: the writer need not hash the text).
_Loaded = tuple[Article | tuple[str, str], list[Event] | None, tuple[str, str] | None]


@dataclass
class _FileLoad:
    """What a worker read from one file: the articles (or refusals, as name and reason,
    since an exception does not always survive the trip back) of this shard, with an
    export's events, and how many it left to other shards."""

    items: list[_Loaded]
    others: int


def _inputs(paths: Iterable[Path | str], skipped: list[Path]) -> list[_Input]:
    inputs = []
    for path in paths:
        root = Path(path)
        for file in collect_files(root, skipped):
            if isinstance(file, SourceError):
                inputs.append(_Input(file, file.name, 0, False))
                continue
            try:
                size = file.stat().st_size
            except OSError:
                size = 0
            inputs.append(_Input(file, file_key(file, root), size, split_by_article(file)))
    return inputs


def load_file(file: Path | SourceError, published: datetime | None, key: str,
              shard: Shard | None) -> _FileLoad:
    """Return the articles of ``file`` that belong to ``shard`` (all without one), as a
    worker hands them to the writer."""
    items: list[_Loaded] = []
    others = 0
    split = shard is not None and not isinstance(file, SourceError) and split_by_article(file)
    for position, (loaded, events) in enumerate(articles_in_file(file, published)):
        if split and shard is not None and not shard.holds(article_key(key, position)):
            others += 1
            continue
        if isinstance(loaded, SourceError):
            items.append(((loaded.name, loaded.reason), None, None))
        else:
            items.append((loaded, events, dedupe_keys_of(loaded)))
    return _FileLoad(items, others)


def _start_worker() -> None:
    # Ctrl-C reaches the whole process group: the writer decides what it means, and a
    # worker stops only with the writer (which discards what it has not written).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent.sentinel,), daemon=True).start()


def _end_with(sentinel: int) -> None:
    # A killed writer cannot shut its workers down: they end when its end of the pipe does.
    multiprocessing.connection.wait([sentinel])
    os._exit(0)


class _InlineExecutor(Executor):
    """Runs each task at once in this process: --jobs 1, and small inputs."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # noqa: BLE001 - handed to whoever waits on it
            future.set_exception(error)
        return future


def _worker_pool(jobs: int) -> Executor:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        # The server loads the tagger once; each worker is a fork of it, ready at once.
        context.set_forkserver_preload(_WORKER_MODULES)
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                               initializer=_start_worker)


class _Estimate:
    """The running count and estimate of the articles an ingest will handle."""

    def __init__(self, inputs: list[_Input], shard: Shard | None) -> None:
        self.share = 1.0 / shard.count if shard is not None else 1.0
        self.files = len(inputs)
        self.files_read = 0
        self.counted = 0  # articles of this shard in the files read
        self.unread_single = sum(1 for i in inputs if not i.many)  # one article each
        self.unread_many_bytes = sum(i.size for i in inputs if i.many)
        self.read_many_bytes = 0
        self.read_many_articles = 0

    def read(self, entry: _Input, load: _FileLoad | None) -> None:
        """Count a file read (``load`` None: left to another shard unread)."""
        self.files_read += 1
        if entry.many:
            self.unread_many_bytes -= entry.size
        else:
            self.unread_single -= 1
        if load is None:
            return
        self.counted += len(load.items)
        if entry.many:
            self.read_many_bytes += entry.size
            self.read_many_articles += len(load.items) + load.others

    def total(self) -> int:
        """Return the articles expected in all: counted, plus a guess for unread files."""
        if self.read_many_bytes and self.read_many_articles:
            per_byte = self.read_many_articles / self.read_many_bytes
        else:
            per_byte = 1 / GUESSED_ARTICLE_BYTES
        guessed = self.unread_single * self.share + self.unread_many_bytes * per_byte * self.share
        return self.counted + round(guessed)


def ingest_parallel(
    paths: Iterable[Path | str],
    repo: Repository,
    *,
    jobs: int | None = None,
    published: datetime | None = None,
    shard: Shard | None = None,
    progress: ProgressCallback | None = None,
    cancel: Callable[[], bool] | None = None,
) -> IngestSummary:
    """Load every article under ``paths`` (of ``shard`` only, when given) into ``repo``
    with ``jobs`` worker processes (None: one per core, or none for a small input) and
    return an IngestSummary, as pipeline.ingest_paths would for the same input.

    Articles are written in input order, each in its own transaction; ``progress`` is
    called after each article (and once at the start); ``cancel()`` is checked before
    each article is written, and stops after the article in hand.
    """
    summary = IngestSummary()
    inputs = _inputs(paths, summary.skipped)
    if jobs is None:
        small = sum(entry.size for entry in inputs) < SMALL_INPUT_BYTES
        jobs = 1 if small else default_jobs()
    executor: Executor = _InlineExecutor() if jobs <= 1 else _worker_pool(jobs)
    try:
        _Run(inputs, repo, executor, jobs, published, shard, progress, cancel, summary).run()
    finally:
        # Tagging under way is thrown away: only what was written counts.
        executor.shutdown(wait=True, cancel_futures=True)
    return summary


_AlreadySettled = object()  # an article the stored check settled: nothing to write


class _Run:
    """One ingest: the reading and tagging ahead, and the writing in order."""

    def __init__(self, inputs: list[_Input], repo: Repository, executor: Executor, jobs: int,
                 published: datetime | None, shard: Shard | None,
                 progress: ProgressCallback | None, cancel: Callable[[], bool] | None,
                 summary: IngestSummary) -> None:
        self.inputs = deque(inputs)
        self.repo = repo
        self.executor = executor
        self.ahead = 1 if jobs <= 1 else jobs * AHEAD_PER_WORKER
        self.files_ahead = 1 if jobs <= 1 else FILES_AHEAD
        self.published = published
        self.shard = shard
        self.progress = progress
        self.cancel = cancel
        self.summary = summary
        self.estimate = _Estimate(inputs, shard)
        self.loading: deque[tuple[_Input, Future[_FileLoad]]] = deque()
        self.loaded: deque[_Loaded] = deque()
        self.writing: deque[tuple[Article | tuple[str, str], Future[Analysed] | object]] = (
            deque())
        self.started = time.monotonic()
        self.done = 0

    def run(self) -> None:
        """Read, tag and write until the input ends, a cancel, or the database fails."""
        self._report("")
        try:
            self._run()
        except BrokenProcessPool as error:
            left = self._files_unread()
            self.summary.left, self.summary.stopped_by = left, "a worker process ended"
            self.summary.stopped = (
                f"stopped: a worker process ended unexpectedly ({error}); {left} file"
                f"{'s' if left != 1 else ''} not read; run it again to add the rest")

    def _run(self) -> None:
        while True:
            if self.cancel is not None and self.cancel():
                self.summary.cancelled = True
                return
            self._read_ahead()
            self._tag_ahead()
            if stop_if_database_failing(self.summary, self._files_unread()):
                return
            if not self.writing:
                if not self.loaded and not self.loading and not self.inputs:
                    return
                continue
            item, work = self.writing.popleft()
            self._write(item, work)
            if stop_if_database_failing(self.summary, self._files_unread()):
                return

    def _files_unread(self) -> int:
        return len(self.inputs) + len(self.loading)

    def _read_ahead(self) -> None:
        while self.inputs and len(self.loading) < self.files_ahead:
            entry = self.inputs.popleft()
            if self.shard is not None and not entry.many and not self.shard.holds(entry.key):
                self.estimate.read(entry, None)
                self.summary.other_shards += 1
                continue
            self.loading.append((entry, self.executor.submit(
                load_file, entry.file, self.published, entry.key, self.shard)))

    def _tag_ahead(self) -> None:
        while len(self.writing) < self.ahead:
            if self.summary.database_failures_in_a_row >= DATABASE_FAILURES_IN_A_ROW:
                return  # the stored checks fail: the run stops
            if not self.loaded:
                if not self.loading:
                    return
                entry, future = self.loading[0]
                if self.writing and not future.done():
                    return  # write what is tagged while the file is read
                self.loading.popleft()
                load = future.result()
                self.estimate.read(entry, load)
                self.summary.other_shards += load.others
                self.loaded.extend(load.items)
                self._read_ahead()
                continue
            article, events, keys = self.loaded.popleft()
            if not isinstance(article, Article):
                self.writing.append((article, _AlreadySettled))
            elif settle_if_stored(article, self.repo, self.summary, keys):
                self._count(article)
            else:
                self.writing.append(
                    (article, self.executor.submit(analyse_for_store, article, events, keys)))

    def _write(self, item: Article | tuple[str, str], work: Future[Analysed] | object) -> None:
        if not isinstance(item, Article):
            self.summary.refused.append(item)
        elif isinstance(work, Future):
            store_analysed(item, work.result(), self.repo, self.summary)
        self._count(item)

    def _count(self, item: Article | tuple[str, str]) -> None:
        self.done += 1
        name = item[0] if isinstance(item, tuple) else (item.source_path or item.title or "")
        self._report(name)

    def _report(self, name: str) -> None:
        if self.progress is None:
            return
        elapsed = time.monotonic() - self.started
        total = max(self.estimate.total(), self.done)
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = (total - self.done) / rate if rate > 0 else None
        self.progress(IngestProgress(self.done, total, self.estimate.files_read,
                                     self.estimate.files, rate, left, name))
