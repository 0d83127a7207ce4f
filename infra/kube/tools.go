//go:build tools

// Package kubeharness pins the upstream commands the test harness builds:
// kube-apiserver and kubectl from k8s.io/kubernetes, and etcd from the
// etcd server module that the same Kubernetes release depends on.
package kubeharness

import (
	_ "go.etcd.io/etcd/server/v3"
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
