"""prefect-dask's task runner with a submit that costs the flow and the workers less for each batch.

prefect-dask 0.3 (PrefectDaskClient.submit), for every task it submits:
- leaves Dask to name the key by hashing the task and its arguments: Prefect's wrapper, pickled once more only
  to be hashed, and the whole batch (0.5 s of the 1.2 s the flow spent submitting 10,000 articles);
- serializes the flow's Prefect context anew: its settings alone take ~35 ms of CPU;
- wraps the task in a function made anew, which cloudpickle then sends by value, not by name;
and the worker rebuilds the settings from that context for every task (~80 ms of CPU: pydantic-settings reads
each of its sources again, for each of the settings' models). On two cores that CPU is taken from the workers.

Here the key is a fresh id, the context is serialized once a flow run (only the task's own part, its asset
context, is made for each task), the function run on the worker is this module's, a worker builds the settings
once a flow run, and a task run has one API client, not two. Everything else is prefect-dask's: the cluster, the
client, the futures. This module is imported only for a Dask run, so that a thread run never imports Dask.
"""

from __future__ import annotations

from contextlib import ExitStack
from typing import Any
from uuid import uuid4

import distributed
from prefect.context import (
    AssetContext,
    FlowRunContext,
    SettingsContext,
    SyncClientContext,
    TagsContext,
    TaskRunContext,
    serialize_context,
)
from prefect.task_engine import run_task_sync
from prefect.utilities.engine import collect_task_run_inputs_sync
from prefect_dask import DaskTaskRunner
from prefect_dask.task_runners import PrefectDaskFuture

# On a worker: settings id -> the settings it stands for, built once; the latest few flow runs' (a cluster may
# serve runs for days).
_WORKER_SETTINGS: dict[str, SettingsContext] = {}
_WORKER_SETTINGS_KEPT = 8


class KeyedDaskTaskRunner(DaskTaskRunner):
    """DaskTaskRunner whose submit is cheaper (see the module's docstring); async tasks take prefect-dask's own."""

    def submit(self, task, parameters: dict[str, Any], wait_for=None, dependencies=None) -> PrefectDaskFuture:
        if not self._started:
            raise RuntimeError("The task runner must be started before submitting work.")
        if task.isasync:
            return super().submit(task, parameters, wait_for, dependencies)
        task_run_id = uuid4()
        parameters = self._optimize_futures(parameters)
        inputs = {name: collect_task_run_inputs_sync(value, future_cls=distributed.Future) for name, value in parameters.items()}
        if dependencies:
            inputs = {name: found | dependencies.get(name, set()) for name, found in inputs.items()}
        settings_id, context = self._flow_context()
        context["asset_context"] = AssetContext.from_task_and_inputs(
            task=task, task_run_id=task_run_id, task_inputs=inputs, copy_to_child_ctx=True).serialize()
        # Client.submit itself: PrefectDaskClient.submit would serialize the context and wrap the task anew
        future = distributed.Client.submit(
            self.client, run_task_on_worker, key=f"{task.name}-{task_run_id.hex}", pure=False,
            settings_id=settings_id, task=task, task_run_id=task_run_id, parameters=parameters,
            wait_for=self._optimize_futures(wait_for) if wait_for else None, dependencies=inputs,
            context=context, return_type="state")
        return PrefectDaskFuture(wrapped_future=future, task_run_id=task_run_id)

    def _flow_context(self) -> tuple[str, dict[str, Any]]:
        """(an id for the settings, the serialized context less the task's part), made once for the flow run (task
        run, tags) submitting. The settings still go with each task: a worker builds them once, by their id."""
        flow_run, task_run = FlowRunContext.get(), TaskRunContext.get()  # what serialize_context serializes
        key = (flow_run.flow_run.id if flow_run and flow_run.flow_run else None, task_run.task_run.id if task_run else None,
               tuple(sorted(TagsContext.get().current_tags)))
        cached = self.__dict__.setdefault("_contexts", {})
        if key not in cached:
            cached[key] = (uuid4().hex, serialize_context())
        settings_id, context = cached[key]
        return settings_id, dict(context)

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state.pop("_contexts", None)  # a flow run's context, never sent along with the runner
        return state


def run_task_on_worker(*, settings_id: str, context: dict[str, Any], **run_task_kwargs: Any):
    """Run a task on a worker with the flow's settings, built once per settings id, and one API client for the task
    run (Prefect's engine would make two: ~35 ms of CPU each, most of it loading certificates for TLS)."""
    with ExitStack() as stack:
        settings = _worker_settings(settings_id, context.pop("settings_context", None))
        if settings is not None:  # hydrated_context then finds no settings to build
            stack.enter_context(SettingsContext(profile=settings.profile, settings=settings.settings))
        stack.enter_context(SyncClientContext.get_or_create())
        return run_task_sync(context=context, **run_task_kwargs)


def _worker_settings(settings_id: str, serialized: dict[str, Any] | None) -> SettingsContext | None:
    """The settings a flow run sent, built the first time a worker sees them; None if it sent none."""
    if serialized and settings_id not in _WORKER_SETTINGS:
        _WORKER_SETTINGS[settings_id] = SettingsContext(**serialized)
        for oldest in list(_WORKER_SETTINGS)[:-_WORKER_SETTINGS_KEPT]:  # dicts keep the order of insertion
            _WORKER_SETTINGS.pop(oldest, None)
    return _WORKER_SETTINGS.get(settings_id)
