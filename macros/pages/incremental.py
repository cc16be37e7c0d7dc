"""Pages made again only when what they read has changed: the preview's memory between rebuilds.

While a page is made, the catalogue it gets records every question asked of it (a record by id,
a list by area, a whole collection) and the answer. At the next rebuild each question is asked
of the new catalogue: a page whose answers are all equal to the old ones is the same page and is
kept; any other is made again. So an edit to one service remakes its own page and the pages that
list it, a service moved to another area also the new area's page, and a new record its page and
every page whose question now has a different answer. Nothing here knows what a page shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Mapping
from functools import partial
from typing import Any, Callable, Iterator

from macros.data.catalog import Catalog


class Questions:
    """Questions asked and their answers, in the order asked."""

    def __init__(self, asked: dict[tuple, Any] | None = None) -> None:
        self.asked: dict[tuple, Any] = {} if asked is None else asked

    def note(self, question: tuple, answer: Any) -> Any:
        try:
            self.asked.setdefault(question, answer)
        except TypeError:  # a question with a list in it cannot be kept: the page is made every time
            self.asked[(_ALWAYS,)] = None
        return answer


class RecordingCatalog:
    """A catalogue that answers as the real one and writes down every question."""

    def __init__(self, catalog: Catalog, questions: Questions) -> None:
        self._catalog, self._questions = catalog, questions

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._catalog, name)
        if callable(value):
            return partial(_asked, self._questions, name, value)
        if isinstance(value, dict):
            return _RecordingMapping(name, value, self._questions)
        return self._questions.note((name,), value)


def _asked(questions: Questions, name: str, method: Callable, *args: Any, **kwargs: Any) -> Any:
    return questions.note((name, args, tuple(sorted(kwargs.items()))), method(*args, **kwargs))


class _RecordingMapping(Mapping):
    """A collection by id: a look-up is a question about one id, a walk through it one about all."""

    def __init__(self, name: str, records: dict, questions: Questions) -> None:
        self._name, self._records, self._questions = name, records, questions

    def __getitem__(self, key: Any) -> Any:
        found = self._questions.note((self._name, "[]", key), self._records.get(key, _MISSING))
        if found is _MISSING:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator:
        return iter(self._questions.note((self._name,), self._records))

    def __len__(self) -> int:
        return len(self._questions.note((self._name,), self._records))


_MISSING = object()
_ALWAYS = "(aina uudelleen)"


def answers_hold(questions: dict[tuple, Any], catalog: Catalog) -> bool:
    """True when the new catalogue answers every question as the old one did."""
    for question, answer in questions.items():
        name = question[0]
        if name == _ALWAYS:
            return False
        value = getattr(catalog, name)
        if len(question) == 1:
            now = value
        elif question[1] == "[]":
            now = value.get(question[2], _MISSING)
        else:
            now = value(*question[1], **dict(question[2]))
        if now is not answer and now != answer:
            return False
    return True


@dataclass
class _Made:
    result: Any
    inputs: tuple  # the job's own arguments after the catalogue
    questions: dict[tuple, Any]


class Memory:
    """What each job made at the last rebuild, and what it asked to make it."""

    def __init__(self) -> None:
        self.made: dict[tuple, _Made] = {}
        self.catalog: Catalog | None = None

    def adopt(self, catalog: Catalog) -> None:
        """A record equal to the one the last catalogue held becomes that very object: an unchanged
        answer is then the same object, and checking 10 000 pages' answers costs next to nothing.
        Call before anything reads the new catalogue."""
        previous, self.catalog = self.catalog, catalog
        if previous is None:
            return
        for name, records in catalog.collections.items():
            before = previous.collections.get(name, {})
            for record_id, record in records.items():
                old = before.get(record_id)
                if old is not None and old is not record and old == record:
                    records[record_id] = old
        if catalog.observations == previous.observations:
            object.__setattr__(catalog, "observations", previous.observations)  # a frozen dataclass

    def run(self, jobs: list[partial], catalog: Catalog) -> list[tuple[Any, bool]]:
        """Each job's result, and whether it was made again (or kept from the last rebuild).
        A job is `partial(function, catalog, *inputs)`; its key is the function and the ids of its inputs."""
        results, made = [], {}
        for job in jobs:
            key, inputs = job_key(job), job.args[1:]
            before = self.made.get(key)
            fresh = before is None or before.inputs != inputs or not answers_hold(before.questions, catalog)
            if fresh:
                questions = Questions()
                result = job.func(RecordingCatalog(catalog, questions), *inputs, **job.keywords)
                made[key] = _Made(result, inputs, questions.asked)
            else:
                made[key] = before
            results.append((made[key].result, fresh))
        self.made = made
        return results


def job_key(job: partial) -> tuple:
    return (job.func.__name__, *(getattr(arg, "id", arg) for arg in job.args[2:] if not isinstance(arg, (list, dict))))
