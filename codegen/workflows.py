"""Resolve a vendor's `workflows:` (multi-step jobs built on its operations) into template contexts.

A workflow is rendered from `templates/workflows/<kind>.py.j2` into its own module of the package, and its
methods are mixed into one operation group (`client.batch.wait(...)`). The facts it needs (which operations,
which fields, which status values, the row columns) come from the registry and are checked here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from codegen import names, typeexpr
from codegen.registry import Problems, child_path
from codegen.schema import (
    BatchExportWorkflow,
    FileDownloadWorkflow,
    QueryBuilderWorkflow,
    TypeDef,
    Vendor,
)

# Cell types a row column may have, and the parser each uses.
ROW_KINDS = ("str", "int", "decimal", "bool", "date")


@dataclass(frozen=True)
class WorkflowModel:
    kind: str  # the template: templates/workflows/<kind>.py.j2
    module: str  # the generated module: <package>/<module>.py
    group: str  # the operation group that gains the workflow's methods
    mixin: str  # the class mixed into that group
    context: dict[str, Any] = field(default_factory=dict)


class _Resolver:
    def __init__(self, vendor: Vendor, path: str, problems: Problems) -> None:
        self.vendor = vendor
        self.path = child_path(path, "workflows")
        self.problems = problems
        self.operations = {op.name: op for op in vendor.operations}

    def operation(self, group: str, name: str, path: str) -> bool:
        if f"{group}.{name}" not in self.operations:
            self.problems.add(path, f"operation `{group}.{name}` is not declared")
            return False
        return True

    def struct(self, name: str, path: str) -> TypeDef | None:
        spec = self.vendor.types.get(name)
        if spec is None or spec.fields is None:
            self.problems.add(path, f"type `{name}` is not a declared object type")
            return None
        return spec

    def response_type(self, group: str, name: str) -> str:
        op = self.operations[f"{group}.{name}"]
        return op.response.type if op.response and op.response.type else ""

    def field_name(self, type_name: str, wire: str, path: str) -> str:
        spec = self.struct(type_name, path)
        if spec is None:
            return ""
        raw = (spec.fields or {}).get(wire)
        if raw is None:
            self.problems.add(path, f"type `{type_name}` has no field `{wire}`")
            return ""
        explicit = None if isinstance(raw, str) else raw.name
        return explicit or names.snake_case(wire)

    def batch_export(self, spec: BatchExportWorkflow) -> WorkflowModel:
        path = child_path(self.path, "batch_export")
        start_ok = self.operation(spec.group, spec.start, child_path(path, "start"))
        status_ok = self.operation(spec.group, spec.status, child_path(path, "status"))
        job_type = self.response_type(spec.group, spec.start) if start_ok else ""
        status_type = self.response_type(spec.group, spec.status) if status_ok else ""
        status_enum = ""
        status_field = ""
        if status_type:
            status_spec = self.struct(status_type, child_path(path, "status"))
            for wire, raw in ((status_spec.fields or {}) if status_spec else {}).items():
                type_text = raw if isinstance(raw, str) else raw.type
                enum = self.vendor.types.get(type_text)
                if enum is not None and enum.enum is not None:
                    status_enum = type_text
                    status_field = self.field_name(status_type, wire, path)
                    for key in ("done", "failed"):
                        value = getattr(spec, key)
                        if value not in enum.enum:
                            self.problems.add(
                                child_path(path, key), f"`{value}` is not a value of `{type_text}`"
                            )
            if not status_enum:
                self.problems.add(child_path(path, "status"), "the status type has no enum field")
        columns = self.columns(spec.row_type, child_path(path, "row_type"))
        return WorkflowModel(
            kind="batch_export",
            module="batch_export",
            group=spec.group,
            mixin="BatchExport",
            context={
                "start": spec.start,
                "status_operation": spec.status,
                "job_type": job_type,
                "job_id": self.job_id(job_type, f"{spec.group}.{spec.status}", path),
                "status_type": status_type,
                "status_enum": status_enum,
                "status_field": status_field,
                "done": names.constant_case(spec.done),
                "failed": names.constant_case(spec.failed),
                "download_url": self.field_name(
                    status_type, spec.download_url, child_path(path, "download_url")
                )
                if status_type
                else "",
                "row_type": spec.row_type,
                "columns": columns,
            },
        )

    def job_id(self, job_type: str, status_op: str, path: str) -> tuple[str, str]:
        """(Python field of the job holding its id, the status operation's path parameter)."""
        op = self.operations.get(status_op)
        params = list(op.path_params) if op else []
        if len(params) != 1:
            self.problems.add(
                path, "the status operation needs exactly one path parameter (the job id)"
            )
            return "", ""
        job_spec = self.struct(job_type, path) if job_type else None
        wires = [
            w
            for w in ((job_spec.fields or {}) if job_spec else {})
            if names.snake_case(w) == params[0]
        ]
        if not wires:
            self.problems.add(path, f"the job type has no field matching `{params[0]}`")
            return "", params[0]
        return self.field_name(job_type, wires[0], path), params[0]

    def columns(self, row_type: str, path: str) -> list[tuple[str, str, str]]:
        """(wire name, Python name, cell kind) of every column, in file order."""
        spec = self.struct(row_type, path)
        result = []
        for wire, raw in ((spec.fields or {}) if spec else {}).items():
            type_text = raw if isinstance(raw, str) else raw.type
            try:
                ref = typeexpr.parse(type_text)
            except typeexpr.TypeSyntaxError:
                continue  # reported where the type is resolved
            base = ref.inner if isinstance(ref, typeexpr.Nullable) else ref
            if not isinstance(base, typeexpr.Named) or base.name not in ROW_KINDS:
                self.problems.add(
                    path, f"column `{wire}`: a row cell is one of {', '.join(ROW_KINDS)} (or null)"
                )
                continue
            explicit = None if isinstance(raw, str) else raw.name
            result.append((wire, explicit or names.snake_case(wire), base.name))
        return result

    def file_download(self, spec: FileDownloadWorkflow) -> WorkflowModel:
        path = child_path(self.path, "file_download")
        if not names.is_valid_name(spec.method):
            self.problems.add(child_path(path, "method"), f"`{spec.method}` is not a method name")
        url_field = self.field_name(spec.source_type, spec.url_field, child_path(path, "url_field"))
        return WorkflowModel(
            kind="file_download",
            module="downloads",
            group=spec.group,
            mixin="FileDownload",
            context={
                "method": spec.method,
                "source_type": spec.source_type,
                "url_field": url_field,
            },
        )

    def query_builder(self, spec: QueryBuilderWorkflow) -> WorkflowModel:
        path = child_path(self.path, "query_builder")
        argument = spec.param
        if self.operation(spec.group, spec.operation, child_path(path, "operation")):
            op = self.operations[f"{spec.group}.{spec.operation}"]
            if spec.param not in op.query:
                self.problems.add(
                    child_path(path, "param"), f"`{spec.param}` is not a query parameter"
                )
            else:
                argument = op.query[spec.param].name or names.snake_case(spec.param)
        if not spec.builder.isidentifier():
            self.problems.add(child_path(path, "builder"), f"`{spec.builder}` is not a class name")
        if "{days}" not in spec.window:
            self.problems.add(child_path(path, "window"), "the window text needs `{days}`")
        return WorkflowModel(
            kind="query_builder",
            module="queries",
            group=spec.group,
            mixin="",
            context={
                "param": spec.param,
                "argument": argument,
                "builder": spec.builder,
                "statuses": spec.statuses,
                "marketplaces": spec.marketplaces,
                "window": spec.window,
                "operation": spec.operation,
            },
        )


def resolve(vendor: Vendor, path: str, problems: Problems) -> list[WorkflowModel]:
    if vendor.workflows is None:
        return []
    resolver = _Resolver(vendor, path, problems)
    spec = vendor.workflows
    found = []
    if spec.batch_export is not None:
        found.append(resolver.batch_export(spec.batch_export))
    if spec.file_download is not None:
        found.append(resolver.file_download(spec.file_download))
    if spec.query_builder is not None:
        found.append(resolver.query_builder(spec.query_builder))
    return found
