"""prefect.yaml's deployments as Prefect `RunnerDeployment`s, for `newsfacts serve`: the same names, entry points,
parameters, tags and schedules that `prefect deploy --all` sends to a work pool, read from the same file.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import yaml
from prefect.flows import load_flow_from_entrypoint
from prefect.schedules import Cron, Interval, Schedule


def read_deployments(prefect_yaml: Path) -> list[dict]:
    """The `deployments:` entries of a prefect.yaml, as written."""
    return yaml.safe_load(prefect_yaml.read_text(encoding="utf-8")).get("deployments") or []


def schedule_of(entry: dict) -> Schedule:
    """One `schedules:` entry of prefect.yaml (`cron:` or `interval:` in seconds, with optional timezone)."""
    options = {k: entry[k] for k in ("timezone", "active", "parameters", "slug") if k in entry}
    if "cron" in entry:
        return Cron(entry["cron"], day_or=entry.get("day_or", True), **options)
    if "interval" in entry:
        anchor = {"anchor_date": entry["anchor_date"]} if "anchor_date" in entry else {}
        return Interval(timedelta(seconds=float(entry["interval"])), **anchor, **options)
    raise ValueError(f"prefect.yaml: a schedule needs `cron:` or `interval:` (rrule is not served): {entry}")


def runner_deployments(project_dir: Path, names: list[str] | None = None) -> list:
    """The deployments of `project_dir/prefect.yaml` (or those named), ready for prefect.serve()."""
    served = []
    for entry in read_deployments(project_dir / "prefect.yaml"):
        if names and entry["name"] not in names:
            continue
        flow = load_flow_from_entrypoint(str(project_dir / entry["entrypoint"]))
        served.append(flow.to_deployment(
            name=entry["name"], description=entry.get("description"), tags=entry.get("tags"),
            parameters=entry.get("parameters") or {}, schedules=[schedule_of(s) for s in entry.get("schedules") or []],
        ))
    missing = set(names or ()) - {d.name for d in served}
    if missing:
        raise ValueError(f"no deployment named {', '.join(sorted(missing))} in {project_dir / 'prefect.yaml'}")
    return served


def drop_pool_deployments(deployments: list) -> list[str]:
    """Delete the work-pool deployments (made by `prefect deploy`) that serve is about to replace; their names.

    Updating one in place keeps its pool, storage and pull step, and its runs then fail to load the flow.
    """
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    dropped = []
    with get_client(sync_client=True) as client:
        for deployment in deployments:
            full_name = f"{deployment.flow_name}/{deployment.name}"
            try:
                existing = client.read_deployment_by_name(full_name)
            except ObjectNotFound:
                continue
            if existing.work_pool_name:
                client.delete_deployment(existing.id)
                dropped.append(f"{full_name} (work pool {existing.work_pool_name})")
    return dropped
