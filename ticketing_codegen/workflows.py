"""The resolver's part for a vendor's `workflows:` (multi-step jobs built on its operations).

A workflow is rendered from `templates/workflows/<kind>.py.j2` into its own module of the package, and its
methods are mixed into one operation group (`client.batch.wait(...)`). Every name it gives (operations,
types, fields, status values, the row columns, example arguments) is checked here against the resolved
types and operations, with its line; a workflow with a problem is left out (the registry is then invalid).
"""

from __future__ import annotations

import contextlib
import typing
from collections.abc import Callable

from ticketing_codegen import model, names, schema
from ticketing_codegen.registry import Problems, child_path
from ticketing_codegen.typeexpr import Named, Nullable

ROW_KINDS: tuple[model.RowKind, ...] = typing.get_args(model.RowKind)


class _Failed(Exception):
    """A problem was reported: the workflow is left out."""


class _WorkflowResolver:
    def __init__(
        self,
        types: dict[str, model.NamedType],
        operations: list[model.Operation],
        problems: Problems,
    ) -> None:
        self.types = types
        self.operations = {op.qualified_name: op for op in operations}
        self.problems = problems

    def fail(self, path: str, message: str) -> _Failed:
        self.problems.add(path, message)
        return _Failed()

    def operation(self, group: str, name: str, path: str) -> model.Operation:
        found = self.operations.get(f"{group}.{name}")
        if found is None:
            raise self.fail(path, f"operation `{group}.{name}` is not declared")
        return found

    def struct(self, name: str, path: str) -> model.ObjectType:
        found = self.types.get(name)
        if not isinstance(found, model.ObjectType):
            raise self.fail(path, f"type `{name}` is not a declared object type")
        return found

    def response_struct(self, op: model.Operation, path: str) -> model.ObjectType:
        if not isinstance(op.response, Named):
            raise self.fail(path, f"`{op.qualified_name}` needs a response type (an object)")
        return self.struct(op.response.name, path)

    def field(self, owner: model.ObjectType, wire: str, path: str) -> model.Field:
        found = owner.field(wire)
        if found is None:
            raise self.fail(path, f"type `{owner.name}` has no field `{wire}`")
        return found

    def arguments(
        self, op: model.Operation | None, given: dict[str, str | int], path: str
    ) -> tuple[model.Argument, ...]:
        """Example arguments (by wire name) as the method's keyword arguments."""
        params = op.params_in("path") | op.params_in("query") if op else {}
        params |= op.params_in("header") if op else {}
        result = []
        for wire, value in given.items():
            if wire not in params:
                raise self.fail(child_path(path, wire), f"`{wire}` is not a parameter")
            result.append(model.Argument(params[wire].python_name, value))
        return tuple(result)

    # -- the kinds -----------------------------------------------------------------------------

    def batch_export(self, spec: schema.BatchExportWorkflow, path: str) -> model.BatchExport:
        start = self.operation(spec.group, spec.start, child_path(path, "start"))
        status = self.operation(spec.group, spec.status, child_path(path, "status"))
        job_type = self.response_struct(start, child_path(path, "start"))
        status_type = self.response_struct(status, child_path(path, "status"))
        status_field, status_enum = self.status_enum(status_type, child_path(path, "status"))
        done = self.member(status_enum, spec.done, child_path(path, "done"))
        failed = self.member(status_enum, spec.failed, child_path(path, "failed"))
        id_params = [p for p in status.params if p.location == "path"]
        if len(id_params) != 1:
            raise self.fail(
                path, "the status operation needs exactly one path parameter (the job id)"
            )
        # The job's id is the field whose Python name is the status operation's path parameter.
        job_id = next(
            (f for f in job_type.fields if f.python_name == id_params[0].python_name), None
        )
        if job_id is None:
            raise self.fail(
                path, f"the job type has no field matching `{id_params[0].python_name}`"
            )
        row_type = self.struct(spec.row_type, child_path(path, "row_type"))
        columns = self.columns(row_type, child_path(path, "row_type"))
        by_wire = {column.wire: column for column in columns}
        example_columns = []
        for index, wire in enumerate(spec.example_columns):
            if wire not in by_wire:
                raise self.fail(
                    child_path(child_path(path, "example_columns"), index),
                    f"`{wire}` is not a column of `{row_type.name}`",
                )
            example_columns.append(by_wire[wire])
        if not names.is_valid_name(spec.rows_method):
            raise self.fail(
                child_path(path, "rows_method"), f"`{spec.rows_method}` is not a method name"
            )
        return model.BatchExport(
            group=spec.group,
            start=start,
            status=status,
            job_type=job_type,
            job_id=job_id,
            status_type=status_type,
            status_field=status_field,
            status_enum=status_enum,
            done=done,
            failed=failed,
            download_url=self.field(
                status_type, spec.download_url, child_path(path, "download_url")
            ),
            row_type=row_type,
            columns=columns,
            rows_method=spec.rows_method,
            example_args=self.arguments(start, spec.example_args, child_path(path, "example_args")),
            example_columns=tuple(example_columns),
            notes=tuple(spec.notes),
        )

    def status_enum(
        self, status_type: model.ObjectType, path: str
    ) -> tuple[model.Field, model.EnumType]:
        for field in status_type.fields:
            found = self.types.get(field.type.name) if isinstance(field.type, Named) else None
            if isinstance(found, model.EnumType):
                return field, found
        raise self.fail(path, "the status type has no enum field")

    def member(self, enum: model.EnumType, value: str, path: str) -> model.EnumMember:
        found = next((m for m in enum.members if m.value == value), None)
        if found is None:
            raise self.fail(path, f"`{value}` is not a value of `{enum.name}`")
        return found

    def columns(self, row_type: model.ObjectType, path: str) -> tuple[model.Column, ...]:
        """Every column of the row type, in file order."""
        result = []
        for field in row_type.fields:
            base = field.type.inner if isinstance(field.type, Nullable) else field.type
            kind = base.name if isinstance(base, Named) else ""
            if kind not in ROW_KINDS:
                raise self.fail(
                    path,
                    f"column `{field.wire}`: a row cell is one of {', '.join(ROW_KINDS)} (or null)",
                )
            result.append(model.Column(field.wire, field.python_name, kind))
        return tuple(result)

    def file_download(self, spec: schema.FileDownloadWorkflow, path: str) -> model.FileDownload:
        if not names.is_valid_name(spec.method):
            raise self.fail(child_path(path, "method"), f"`{spec.method}` is not a method name")
        source = self.struct(spec.source_type, child_path(path, "url_field"))
        url_field = self.field(source, spec.url_field, child_path(path, "url_field"))
        op = None
        if spec.source_operation is not None:
            op = self.operation(
                spec.group, spec.source_operation, child_path(path, "source_operation")
            )
        return model.FileDownload(
            group=spec.group,
            method=spec.method,
            source_type=spec.source_type,
            url_field=url_field,
            source_operation=spec.source_operation,
            example_args=self.arguments(op, spec.example_args, child_path(path, "example_args")),
            example_result=spec.example_result,
            example_path=spec.example_path,
            notes=tuple(spec.notes),
        )

    def query_builder(self, spec: schema.QueryBuilderWorkflow, path: str) -> model.QueryBuilder:
        op = self.operation(spec.group, spec.operation, child_path(path, "operation"))
        param = op.params_in("query").get(spec.param)
        if param is None:
            raise self.fail(child_path(path, "param"), f"`{spec.param}` is not a query parameter")
        if not spec.builder.isidentifier():
            raise self.fail(child_path(path, "builder"), f"`{spec.builder}` is not a class name")
        if "{days}" not in spec.window:
            raise self.fail(child_path(path, "window"), "the window text needs `{days}`")
        return model.QueryBuilder(
            group=spec.group,
            operation=spec.operation,
            param=spec.param,
            argument=param.python_name,
            builder=spec.builder,
            statuses=tuple(spec.statuses),
            marketplaces=tuple(spec.marketplaces),
            window=spec.window,
            notes=tuple(spec.notes),
        )


def resolve(
    spec: schema.Workflows | None,
    types: dict[str, model.NamedType],
    operations: list[model.Operation],
    path: str,
    problems: Problems,
) -> list[model.Workflow]:
    """The vendor's workflows, in the order batch export, file download, query builder."""
    if spec is None:
        return []
    resolver = _WorkflowResolver(types, operations, problems)
    found: list[model.Workflow] = []

    def attempt(make: Callable[[], model.Workflow]) -> None:
        with contextlib.suppress(_Failed):  # reported already: the registry is invalid
            found.append(make())

    if (batch := spec.batch_export) is not None:
        attempt(lambda: resolver.batch_export(batch, child_path(path, "batch_export")))
    if (download := spec.file_download) is not None:
        attempt(lambda: resolver.file_download(download, child_path(path, "file_download")))
    if (builder := spec.query_builder) is not None:
        attempt(lambda: resolver.query_builder(builder, child_path(path, "query_builder")))
    return found
