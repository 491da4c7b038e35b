/**
 * The portable bundle that {@code skylift export} writes and {@code skylift import} reads: the
 * resources ({@code resources.yaml}), the manifest of their disk data ({@code manifest.yaml} and
 * {@code data/}), the Ansible playbook and {@code uuids.csv}. The format is described in
 * {@code docs/bundle.md}.
 */
package io.skylift.bundle;
