"""deploy/kubernetes/ checked offline: every document valid against the Kubernetes 1.28 schemas
(kubernetes-validate, strict: unknown fields are errors), and the properties the set-up relies
on: several Rasa replicas, the action server on each pod's loopback, sticky sessions at the
ingress, secrets only by reference, endpoints naming PostgreSQL and Redis."""
from __future__ import annotations

from pathlib import Path

import kubernetes_validate
import pytest
import yaml

DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "kubernetes"
K8S_VERSION = "1.28.0"


def documents() -> list[dict]:
    docs = []
    for path in sorted(DEPLOY.glob("*.yaml")):
        docs += [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc]
    return docs


def by_kind(kind: str, name: str) -> dict:
    [doc] = [d for d in documents() if d["kind"] == kind and d["metadata"]["name"] == name]
    return doc


def containers(doc: dict) -> list[dict]:
    spec = doc["spec"]["jobTemplate"]["spec"]["template"]["spec"] if doc["kind"] == "CronJob" \
        else doc["spec"]["template"]["spec"]
    return spec.get("initContainers", []) + spec["containers"]


@pytest.mark.parametrize("doc", documents(), ids=lambda d: f"{d['kind']}/{d['metadata']['name']}")
def test_each_document_is_valid_kubernetes(doc):
    kubernetes_validate.validate(doc, K8S_VERSION, strict=True)


def test_an_unknown_field_would_be_caught():
    broken = by_kind("Service", "orienta-rasa")
    broken["spec"]["portz"] = broken["spec"].pop("ports")
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, K8S_VERSION, strict=True)


def test_several_rasa_servers_each_with_its_action_server_on_loopback():
    rasa = by_kind("Deployment", "orienta-rasa")
    assert rasa["spec"]["replicas"] >= 2
    names = [c["name"] for c in rasa["spec"]["template"]["spec"]["containers"]]
    assert names == ["rasa", "actions"]  # one pod: the action server is reached on 127.0.0.1
    endpoints = yaml.safe_load(by_kind("ConfigMap", "orienta-endpoints")["data"]["endpoints.yml"])
    assert endpoints["action_endpoint"]["url"].startswith("http://127.0.0.1:")
    assert endpoints["tracker_store"]["dialect"] == "postgresql" and endpoints["lock_store"]["type"] == "redis"


def test_the_ingress_keeps_a_widget_on_one_rasa_pod():
    annotations = by_kind("Ingress", "orienta")["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"


def test_secrets_are_never_written_in_the_manifests():
    for doc in documents():
        if doc["kind"] not in ("Deployment", "StatefulSet", "CronJob"):
            continue
        for container in containers(doc):
            for variable in container.get("env", []):
                if any(word in variable["name"] for word in ("SECRET", "TOKEN", "PASSWORD")):
                    assert "valueFrom" in variable, f"{doc['metadata']['name']}: {variable['name']} written in"
    assert not [d for d in documents() if d["kind"] == "Secret"]
