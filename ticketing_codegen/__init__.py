"""The spec-to-code generator: endpoints.yaml -> generated/."""
