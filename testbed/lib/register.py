#!/usr/bin/python3
"""Registers one testbed cloud in its Keystone: service users, the catalog, and the demo
project with its non-admin user. Safe to run again: it only adds what is missing.

usage: register.py KEYSTONE_URL PASSWORD REGION PORT_OFFSET"""
import sys

from keystoneauth1 import session
from keystoneauth1.identity import v3
from keystoneclient.v3 import client

keystone_url, password, region, offset = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
auth = v3.Password(auth_url=keystone_url, username='admin', password=password, project_name='admin',
                   user_domain_id='default', project_domain_id='default')
keystone = client.Client(session=session.Session(auth=auth))


def first(items):
    return items[0] if items else None


def project(name):
    return first(keystone.projects.list(name=name)) or keystone.projects.create(name, 'default')


def user(name, default_project):
    return first(keystone.users.list(name=name)) or keystone.users.create(
        name, domain='default', password=password, default_project=default_project)


roles = {r.name: r for r in keystone.roles.list()}
if 'service' not in roles:
    roles['service'] = keystone.roles.create('service')

service = project('service')
for name in ('glance', 'placement', 'nova', 'neutron', 'cinder'):
    service_user = user(name, service)
    # The service role lets Cinder accept Nova's service token on attachment delete.
    keystone.roles.grant(roles['admin'], user=service_user, project=service)
    keystone.roles.grant(roles['service'], user=service_user, project=service)

base = 'http://127.0.0.1:%d'
catalog = [
    ('glance', 'image', base % (9292 + offset)),
    ('placement', 'placement', base % (8778 + offset)),
    ('nova', 'compute', base % (8774 + offset) + '/v2.1'),
    ('neutron', 'network', base % (9696 + offset)),
    ('cinderv3', 'volumev3', base % (8776 + offset) + '/v3/%(project_id)s'),
    ('cinder', 'block-storage', base % (8776 + offset) + '/v3/%(project_id)s'),
]
for name, service_type, url in catalog:
    svc = first(keystone.services.list(type=service_type)) or keystone.services.create(name, service_type)
    have = {e.interface for e in keystone.endpoints.list(service=svc)}
    for interface in ('public', 'internal', 'admin'):
        if interface not in have:
            keystone.endpoints.create(svc, url, interface=interface, region=region)

demo = project('demo')
demo_user = user('demo', demo)
keystone.roles.grant(roles['member'], user=demo_user, project=demo)
keystone.roles.grant(roles['reader'], user=demo_user, project=demo)
# The admin also works inside demo: the seed creates what only an admin may (a floating IP
# at a chosen address) in the demo project.
keystone.roles.grant(roles['admin'], user=first(keystone.users.list(name='admin')), project=demo)
print('registered catalog in', region)
