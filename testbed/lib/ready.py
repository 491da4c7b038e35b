#!/usr/bin/python3
"""Waits until one testbed cloud can boot servers and create volumes: nova-compute up and its
host mapped into cell1, a hypervisor in Placement, cinder-volume up. One process with the SDK
instead of a loop of `openstack` commands, each of which costs 1.5 s of start-up.

usage: ready.py CLOUD NOVA_CONF"""
import subprocess
import sys
import time

import openstack
from keystoneauth1 import exceptions as auth_errors

cloud, nova_conf = sys.argv[1], sys.argv[2]
conn = openstack.connect(cloud=cloud)


def wait(what, check, limit=240):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except (openstack.exceptions.SDKException, auth_errors.ClientException):
            pass  # the service may not answer yet
        time.sleep(1)
    sys.exit(f'{cloud}: timed out after {limit}s waiting for {what}')


def service_up(services, binary):
    return any(s['binary'] == binary and s['state'] == 'up' for s in services)


def compute_services():
    return conn.compute.get('/os-services').json()['services']


def volume_services():
    return conn.block_storage.get('/os-services').json()['services']


wait('nova-compute up', lambda: service_up(compute_services(), 'nova-compute'))
subprocess.run(['nova-manage', '--config-file', nova_conf, 'cell_v2', 'discover_hosts'],
               check=True, capture_output=True)
wait('a hypervisor', lambda: any(True for _ in conn.compute.hypervisors()))
wait('cinder-volume up', lambda: service_up(volume_services(), 'cinder-volume'))
