"""Text exports of a blueprint (no Qt): specification, BPMN, Mermaid."""
