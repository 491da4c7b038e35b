#!/usr/bin/python3
"""Creates the representative workload in the source cloud, in project demo. Every resource has
a fixed name; what already exists is left alone, so a second run changes nothing.
With --provider, creates only what a cloud's operator provides to every project (the flavor and
the external network): that is how the destination cloud is seeded.

usage: seed.py CLOUD STATE_DIR [--provider]"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import openstack

cloud, state_dir = sys.argv[1], sys.argv[2]
provider_only = sys.argv[3:] == ['--provider']
admin = openstack.connect(cloud=cloud)
demo = openstack.connect(cloud=cloud + '-demo')
demo_project = admin.identity.find_project('demo')
MIB = 1024 * 1024
# The exit status for a seeded workload that is there but damaged (bin/test-all makes the testbed anew).
DAMAGED = 3
# With Nova's libvirt driver the guests have no OS and never release a virtio-blk (PCI) disk:
# servers from these images (and volumes made from them) use a virtio-scsi controller, whose
# disks QEMU detaches without the guest's help. The fake driver ignores these properties.
SCSI = {'hw_disk_bus': 'scsi', 'hw_scsi_model': 'virtio-scsi'}
created = []


def note(kind, name):
    created.append(f'{kind} {name}')
    print(f'created {kind} {name}', flush=True)


def wait_status(get, want, limit=300):
    deadline = time.monotonic() + limit
    while True:
        resource = get()
        status = resource.status.lower()
        if status == want:
            return resource
        if 'error' in status or time.monotonic() > deadline:
            sys.exit(f'seed: {resource.name} is {resource.status}, expected {want}')
        time.sleep(2)


def flavor():
    existing = admin.compute.find_flavor('skylift.small')
    if existing:
        return existing
    made = admin.compute.create_flavor(name='skylift.small', vcpus=1, ram=256, disk=1)
    admin.compute.create_flavor_extra_specs(made, {'skylift:tier': 'small'})
    note('flavor', made.name)
    return made


def private_flavor():
    """A flavor only project demo may use: an admin migration of demo brings it with its access."""
    existing = admin.compute.find_flavor('skylift.private', is_public=None)
    if existing:
        return existing
    made = admin.compute.create_flavor(name='skylift.private', vcpus=1, ram=256, disk=1, is_public=False)
    admin.compute.flavor_add_tenant_access(made, demo_project.id)
    note('flavor', made.name)
    return made


def external_network():
    net = admin.network.find_network('skylift-public')
    if not net:
        # TEST-NET-3 addresses: the testbed has no data plane, nothing is ever sent to them.
        net = admin.network.create_network(name='skylift-public', is_router_external=True,
                                           provider_network_type='flat',
                                           provider_physical_network='public')
        admin.network.create_subnet(name='skylift-public-subnet', network_id=net.id, ip_version=4,
                                    cidr='203.0.113.0/24', gateway_ip='203.0.113.1',
                                    is_dhcp_enabled=False,
                                    allocation_pools=[{'start': '203.0.113.100', 'end': '203.0.113.200'}])
        note('network', net.name)
    return net


def random_raw_file(directory, name, extents):
    """A sparse raw disk: random bytes at the given (offset, length) extents, holes elsewhere."""
    path = os.path.join(directory, name)
    with open(path, 'wb') as f:
        for offset, length in extents:
            f.seek(offset)
            f.write(os.urandom(length))
    return path


def image(name, disk_format, make_file):
    existing = demo.image.find_image(name)
    if existing:
        return existing
    with tempfile.TemporaryDirectory() as tmp:
        path = make_file(tmp)
        made = demo.image.create_image(name=name, filename=path, disk_format=disk_format,
                                       container_format='bare', wait=True,
                                       tags=['skylift'], properties={'skylift_seed': 'true', **SCSI})
    note('image', name)
    return made


def qcow2_file(tmp):
    raw = random_raw_file(tmp, 'disk.raw', [(0, 4 * MIB), (20 * MIB, MIB)])
    os.truncate(raw, 32 * MIB)
    qcow2 = os.path.join(tmp, 'disk.qcow2')
    subprocess.run(['qemu-img', 'convert', '-f', 'raw', '-O', 'qcow2', raw, qcow2], check=True)
    return qcow2


def network(name, subnets):
    net = demo.network.find_network(name)
    if net:
        return net
    net = demo.network.create_network(name=name)
    for subnet in subnets:
        demo.network.create_subnet(network_id=net.id, **subnet)
    note('network', name)
    return net


def router(public, subnet_names):
    existing = demo.network.find_router('skylift-router')
    if existing:
        return existing
    made = demo.network.create_router(name='skylift-router',
                                      external_gateway_info={'network_id': public.id})
    for subnet_name in subnet_names:
        demo.network.add_interface_to_router(made, subnet_id=demo.network.find_subnet(subnet_name).id)
    note('router', made.name)
    return made


def security_group(name, rules):
    existing = demo.network.find_security_group(name)
    if existing:
        return existing
    group = demo.network.create_security_group(name=name, description=f'skylift seed: {name}')
    for rule in rules:
        demo.network.create_security_group_rule(security_group_id=group.id, direction='ingress',
                                                ethertype='IPv4', **rule)
    note('security group', name)
    return group


def keypair():
    existing = demo.compute.find_keypair('skylift-key')
    if existing:
        return existing
    key_file = os.path.join(state_dir, 'skylift-key')
    if not os.path.exists(key_file):
        subprocess.run(['ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-C', 'skylift-seed',
                        '-f', key_file], check=True)
    with open(key_file + '.pub') as f:
        made = demo.compute.create_keypair(name='skylift-key', public_key=f.read().strip())
    note('keypair', made.name)
    return made


def server_group():
    existing = demo.compute.find_server_group('skylift-group')
    if existing:
        return existing
    made = demo.compute.create_server_group(name='skylift-group', policies=['soft-anti-affinity'])
    note('server group', made.name)
    return made


def volume(name, image_id, metadata, bootable=False):
    existing = demo.block_storage.find_volume(name)
    if existing:
        return demo.block_storage.get_volume(existing.id)  # find leaves out the attachments
    made = demo.block_storage.create_volume(name=name, size=1, image_id=image_id, metadata=metadata)
    made = wait_status(lambda: demo.block_storage.get_volume(made.id), 'available')
    if bootable:
        demo.block_storage.set_volume_bootable_status(made, True)
    note('volume', name)
    return made


def data_volume():
    """A volume whose first 4 MiB are known: they come from a temporary image, whose SHA-256
    is kept in the volume's metadata so a migration can be checked against it."""
    if demo.block_storage.find_volume('skylift-data'):
        return volume('skylift-data', None, {})
    with tempfile.TemporaryDirectory() as tmp:
        path = random_raw_file(tmp, 'data.raw', [(0, 4 * MIB)])
        with open(path, 'rb') as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        temporary = demo.image.create_image(name='skylift-seed-data', filename=path, disk_format='raw',
                                            container_format='bare', wait=True)
    try:
        return volume('skylift-data', temporary.id,
                      {'skylift_seed_sha256_4mib': digest, 'purpose': 'database files'})
    finally:
        demo.image.delete_image(temporary)


def no_snapshots_of_seeded_volumes():
    """A run stopped midway (a killed test, a machine switched off) can leave a snapshot of a
    seeded volume. Cinder's NFS driver makes no volume from a snapshot taken after another one
    (the later snapshot's file has a backing file, which its safety check refuses), so staging
    would fail: the seeded volumes have no snapshots, and what is found goes."""
    for name in ('skylift-data', 'skylift-db-1-boot'):
        found = demo.block_storage.find_volume(name)
        if not found:
            continue
        for snap in admin.block_storage.snapshots(all_projects=True, volume_id=found.id):
            if snap.volume_id != found.id:
                continue
            if snap.status not in ('available', 'error'):
                admin.block_storage.reset_snapshot(snap, 'error')
            admin.block_storage.delete_snapshot(snap)
            admin.block_storage.wait_for_delete(snap, wait=300)
            print(f'deleted snapshot {snap.name} {snap.id} of volume {name}, left by an earlier run', flush=True)


def virsh(*args):
    return subprocess.run(['virsh', '-q', '-c', 'qemu:///system', *args], capture_output=True, text=True)


def volume_sound(volume, expected, length):
    """Why a seeded volume no longer holds what the seed wrote (None when it does): the SHA-256
    of its first `length` bytes must be `expected`, read on this host from the file that Cinder's
    NFS driver keeps active for it; with the libvirt driver, that must also be the file the
    server's QEMU has open. A failure here means a damaged testbed, not a Skylift bug.

    A running QEMU keeps qcow2 metadata in memory until it flushes, and a guest without an OS
    never asks it to: after Nova merged a deleted snapshot into the active file, that file reads
    as zeros from outside. Pausing the guest flushes it, so the guest is paused for the read. A
    QEMU that was killed (not stopped) after such a merge has lost that data for good."""
    export = os.path.join(os.path.dirname(state_dir), cloud, 'nfs-export')
    if not os.path.isdir(export):
        return f'no share at {export}'
    info = os.path.join(export, f'volume-{volume.id}.info')
    active = f'volume-{volume.id}'
    if os.path.exists(info):
        with open(info) as f:
            active = json.load(f)['active']
    domains = []
    for attachment in volume.attachments if shutil.which('virsh') else []:
        domain = admin.compute.get_server(attachment['server_id']).instance_name
        listed = virsh('domblklist', domain)
        if listed.returncode != 0:
            continue  # no libvirt guest: the fake compute driver
        opened = [os.path.basename(line.split()[-1]) for line in listed.stdout.splitlines() if line.strip()]
        if active not in opened:
            return f'guest {domain} has {", ".join(opened)} open, but Cinder keeps {active} active'
        domains.append(domain)
    paused = [domain for domain in domains if virsh('suspend', domain).returncode == 0]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            head = os.path.join(tmp, 'head.raw')
            subprocess.run(['qemu-img', 'dd', '-U', '-O', 'raw', 'bs=1M', f'count={length // MIB}',
                            f'if={os.path.join(export, active)}', f'of={head}'], check=True, stdout=subprocess.DEVNULL)
            with open(head, 'rb') as f:
                actual = hashlib.sha256(f.read()).hexdigest()
    finally:
        for domain in paused:
            virsh('resume', domain)
    if actual != expected:
        return f'the first {length // MIB} MiB of {active} have SHA-256 {actual}, the seed wrote {expected}'
    return None


def server(name, **create):
    existing = demo.compute.find_server(name)
    if existing:
        return existing
    made = demo.compute.create_server(name=name, **create)
    made = wait_status(lambda: demo.compute.get_server(made.id), 'active')
    note('server', name)
    return made


def tag_server(made, tags):
    # Server tags need compute microversion 2.26; the SDK's default is older.
    demo.compute.put(f'/servers/{made.id}/tags', json={'tags': tags},
                     microversion='2.26').raise_for_status()


def main():
    os.makedirs(state_dir, exist_ok=True)
    small = flavor()
    public = external_network()
    if provider_only:
        print(f'seed of {cloud} (provider resources): {len(created)} created, everything else already there')
        return
    private_flavor()
    qcow2 = image('skylift-cirros-qcow2', 'qcow2', qcow2_file)
    raw = image('skylift-raw', 'raw', lambda tmp: random_raw_file(tmp, 'disk.raw', [(0, 8 * MIB)]))
    net_a = network('skylift-net-a', [
        {'name': 'skylift-subnet-a', 'ip_version': 4, 'cidr': '10.10.0.0/24', 'gateway_ip': '10.10.0.1',
         'dns_nameservers': ['10.10.0.2'], 'allocation_pools': [{'start': '10.10.0.10', 'end': '10.10.0.200'}]}])
    net_b = network('skylift-net-b', [
        {'name': 'skylift-subnet-b4', 'ip_version': 4, 'cidr': '10.20.0.0/24'},
        {'name': 'skylift-subnet-b6', 'ip_version': 6, 'cidr': 'fd00:5c1f:b::/64',
         'ipv6_ra_mode': 'slaac', 'ipv6_address_mode': 'slaac'}])
    router(public, ['skylift-subnet-a', 'skylift-subnet-b4'])
    web = security_group('skylift-web', [
        {'protocol': 'tcp', 'port_range_min': 22, 'port_range_max': 22, 'remote_ip_prefix': '0.0.0.0/0'},
        {'protocol': 'tcp', 'port_range_min': 80, 'port_range_max': 80, 'remote_ip_prefix': '0.0.0.0/0'},
        {'protocol': 'tcp', 'port_range_min': 443, 'port_range_max': 443, 'remote_ip_prefix': '0.0.0.0/0'},
        {'protocol': 'icmp', 'remote_ip_prefix': '0.0.0.0/0'}])
    db_group = security_group('skylift-db', [
        {'protocol': 'tcp', 'port_range_min': 5432, 'port_range_max': 5432, 'remote_group_id': web.id},
        {'protocol': 'icmp', 'remote_group_id': web.id}])
    key = keypair()
    group = server_group()

    port = demo.network.find_port('skylift-web-1-port')
    if not port:
        port = demo.network.create_port(name='skylift-web-1-port', network_id=net_a.id,
                                        fixed_ips=[{'subnet_id': demo.network.find_subnet('skylift-subnet-a').id,
                                                    'ip_address': '10.10.0.10'}],
                                        security_group_ids=[web.id])
        note('port', port.name)
    web_server = server('skylift-web-1', image_id=qcow2.id, flavor_id=small.id, key_name=key.name,
                        networks=[{'port': port.id}], metadata={'role': 'web', 'owner': 'skylift'},
                        scheduler_hints={'group': group.id})
    tag_server(web_server, ['skylift', 'web'])

    no_snapshots_of_seeded_volumes()
    boot = volume('skylift-db-1-boot', raw.id, {'purpose': 'root disk'}, bootable=True)
    data = data_volume()
    db_server = server('skylift-db-1', flavor_id=small.id, key_name=key.name,
                       networks=[{'uuid': net_a.id}, {'uuid': net_b.id}],
                       security_groups=[{'name': db_group.name}],
                       metadata={'role': 'db', 'owner': 'skylift'},
                       block_device_mapping=[{'boot_index': 0, 'uuid': boot.id, 'source_type': 'volume',
                                              'destination_type': 'volume', 'delete_on_termination': False}])
    tag_server(db_server, ['skylift', 'db'])
    if not data.attachments:
        demo.compute.create_volume_attachment(db_server, volume_id=data.id)
        wait_status(lambda: demo.block_storage.get_volume(data.id), 'in-use')
        note('attachment', 'skylift-data -> skylift-db-1')
    raw_data = hashlib.sha256(b''.join(demo.image.download_image(raw, stream=True).iter_content(MIB))).hexdigest()
    for made, expected, length in [(data, data.metadata.get('skylift_seed_sha256_4mib'), 4 * MIB),
                                   (boot, raw_data, demo.image.get_image(raw.id).size)]:
        damage = volume_sound(demo.block_storage.get_volume(made.id), expected, length)
        if damage:
            print(f'seed: volume {made.name} is damaged: {damage}; testbed/down --wipe, testbed/up and '
                  f'testbed/seed make the testbed anew', file=sys.stderr)
            sys.exit(DAMAGED)

    if not list(demo.network.ips(port_id=port.id)):
        # Choosing the address needs the admin; the floating IP still belongs to project demo.
        fip = admin.network.create_ip(floating_network_id=public.id, floating_ip_address='203.0.113.150',
                                      project_id=demo_project.id, port_id=port.id,
                                      description='skylift seed: skylift-web-1')
        note('floating ip', fip.floating_ip_address)

    print(f'seed of {cloud}: {len(created)} created, everything else already there')


main()
