#!/usr/bin/python3
"""Exercises one testbed cloud the way a migration will, with throw-away resources that it
deletes again. Prints PASS or FAIL per check (SKIP for what the cloud's compute driver cannot do) and ends
with "CLOUD: N passed, N failed".

usage: check.py CLOUD"""
import hashlib
import os
import secrets
import subprocess
import sys
import tempfile
import time

import openstack

cloud = sys.argv[1]
admin = openstack.connect(cloud=cloud)
suffix = secrets.token_hex(3)
MIB = 1024 * 1024
passed = failed = 0
cleanup = []  # (description, function), undone in reverse order
# QEMU with Nova's libvirt driver, or 'fake' (fake.FakeDriver: no disks, no snapshot data).
hypervisor_type = next(iter(admin.compute.hypervisors(details=True))).hypervisor_type
libvirt = hypervisor_type == 'QEMU'
# Guests have no OS, so they never release a virtio-blk (PCI) disk: images boot with volumes
# on a virtio-scsi controller, whose disks QEMU unplugs without the guest's help.
SCSI = {'hw_disk_bus': 'scsi', 'hw_scsi_model': 'virtio-scsi'}


class CheckFailed(Exception):
    pass


def check(description, function, needs_libvirt=False):
    global passed, failed
    if needs_libvirt and not libvirt:
        print(f'SKIP {cloud}: {description} (compute driver {hypervisor_type})', flush=True)
        return
    try:
        detail = function()
        passed += 1
        print(f'PASS {cloud}: {description}' + (f' ({detail})' if detail else ''), flush=True)
    except Exception as e:  # one failed check must not hide the others
        failed += 1
        print(f'FAIL {cloud}: {description}: {type(e).__name__}: {e}', flush=True)


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


def later(description, function):
    cleanup.append((description, function))


def wait_status(get, want, limit=300):
    deadline = time.monotonic() + limit
    while True:
        status = get().status.lower()
        if status == want:
            return
        if 'error' in status or status == 'killed' or time.monotonic() > deadline:
            raise CheckFailed(f'status {status}, expected {want}')
        time.sleep(1)


def name(kind):
    return f'check-{kind}-{suffix}'


state = {}


def identity():
    project = admin.identity.create_project(name=name('project'), domain_id='default')
    later('project', lambda: admin.identity.delete_project(project))
    user = admin.identity.create_user(name=name('user'), password=secrets.token_hex(8),
                                      default_project_id=project.id, domain_id='default')
    later('user', lambda: admin.identity.delete_user(user))
    member = admin.identity.find_role('member')
    admin.identity.assign_project_role_to_user(project, user, member)
    assignments = list(admin.identity.role_assignments(scope_project_id=project.id, user_id=user.id))
    expect(any(a.role['id'] == member.id for a in assignments), 'role assignment not listed')


def upload_image(path, disk_format, **properties):
    image = admin.image.create_image(name=name(disk_format), filename=path, disk_format=disk_format,
                                     container_format='bare', wait=True, **properties)
    later('image', lambda: admin.image.delete_image(image))
    return image


def download(image_id):
    out = hashlib.sha256()
    response = admin.image.get(f'/images/{image_id}/file', stream=True)
    response.raise_for_status()
    size = 0
    for chunk in response.iter_content(MIB):
        out.update(chunk)
        size += len(chunk)
    return out.hexdigest(), size


def images(tmp):
    # The server's root disk: 64 MiB, 4 MiB of random data at the start and 1 MiB at 20 MiB.
    sparse = os.path.join(tmp, 'disk.sparse')
    with open(sparse, 'wb') as f:
        f.write(os.urandom(4 * MIB))
        f.seek(20 * MIB)
        f.write(os.urandom(MIB))
        f.truncate(64 * MIB)
    qcow2 = os.path.join(tmp, 'disk.qcow2')
    subprocess.run(['qemu-img', 'convert', '-q', '-f', 'raw', '-O', 'qcow2', sparse, qcow2], check=True)
    state['qcow2'] = upload_image(qcow2, 'qcow2', **SCSI)
    state['qcow2_file'] = qcow2
    raw = os.path.join(tmp, 'disk.raw')
    with open(raw, 'wb') as f:
        f.write(os.urandom(4 * MIB))
    with open(raw, 'rb') as f:
        data = f.read()
    state['raw'] = upload_image(raw, 'raw')
    state['raw_sha256'] = hashlib.sha256(data).hexdigest()
    digest, size = download(state['raw'].id)
    expect(digest == state['raw_sha256'] and size == len(data), 'download differs from upload')
    image = admin.image.get_image(state['raw'].id)
    expect(image.checksum == hashlib.md5(data).hexdigest(), f'checksum field {image.checksum}')
    expect(image.hash_value == hashlib.sha512(data).hexdigest(), 'os_hash_value is not the SHA-512')
    return f'4 MiB, sha256 {digest[:12]}'


def networks():
    net = admin.network.create_network(name=name('net'))
    later('network', lambda: admin.network.delete_network(net))
    subnet = admin.network.create_subnet(name=name('subnet'), network_id=net.id, ip_version=4,
                                         cidr='10.99.0.0/24')
    later('subnet', lambda: admin.network.delete_subnet(subnet))
    ext = admin.network.create_network(name=name('ext'), is_router_external=True,
                                       provider_network_type='flat', provider_physical_network=name('phys'))
    later('external network', lambda: admin.network.delete_network(ext))
    admin.network.create_subnet(name=name('extsub'), network_id=ext.id, ip_version=4,
                                cidr='198.51.100.0/24', is_dhcp_enabled=False)
    router = admin.network.create_router(name=name('router'), external_gateway_info={'network_id': ext.id})
    later('router', lambda: admin.network.delete_router(router))
    admin.network.add_interface_to_router(router, subnet_id=subnet.id)
    later('router interface', lambda: admin.network.remove_interface_from_router(router, subnet_id=subnet.id))
    ports = list(admin.network.ports(device_id=router.id))
    expect(len(ports) == 2, f'router has {len(ports)} ports, expected interface and gateway')
    state.update(net=net, subnet=subnet, ext=ext)


def security_groups():
    group = admin.network.create_security_group(name=name('sg'))
    later('security group', lambda: admin.network.delete_security_group(group))
    for rule in ({'protocol': 'tcp', 'port_range_min': 22, 'port_range_max': 22, 'remote_ip_prefix': '0.0.0.0/0'},
                 {'protocol': 'icmp'},
                 {'protocol': 'tcp', 'port_range_min': 5432, 'port_range_max': 5432, 'remote_group_id': group.id}):
        admin.network.create_security_group_rule(security_group_id=group.id, direction='ingress',
                                                 ethertype='IPv4', **rule)
    rules = list(admin.network.security_group_rules(security_group_id=group.id, direction='ingress'))
    expect(len(rules) == 3, f'{len(rules)} ingress rules, expected 3')
    state['sg'] = group


def port():
    made = admin.network.create_port(name=name('port'), network_id=state['net'].id,
                                     fixed_ips=[{'subnet_id': state['subnet'].id, 'ip_address': '10.99.0.50'}],
                                     security_group_ids=[state['sg'].id])
    later('port', lambda: admin.network.delete_port(made))
    expect(made.fixed_ips[0]['ip_address'] == '10.99.0.50', f'fixed ip {made.fixed_ips}')
    state['port'] = made


def flavor():
    made = admin.compute.create_flavor(name=name('flavor'), vcpus=1, ram=128, disk=1)
    later('flavor', lambda: admin.compute.delete_flavor(made))
    state['flavor'] = made


def keypair(tmp):
    key = os.path.join(tmp, 'key')
    subprocess.run(['ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-f', key], check=True)
    with open(key + '.pub') as f:
        made = admin.compute.create_keypair(name=name('key'), public_key=f.read().strip())
    later('keypair', lambda: admin.compute.delete_keypair(made))
    state['key'] = made


def boot():
    started = time.monotonic()
    server = admin.compute.create_server(name=name('server'), image_id=state['qcow2'].id,
                                         flavor_id=state['flavor'].id, key_name=state['key'].name,
                                         networks=[{'port': state['port'].id}])
    later('server', lambda: delete_server(server))
    wait_status(lambda: admin.compute.get_server(server.id), 'active')
    addresses = admin.compute.get_server(server.id).addresses
    expect('10.99.0.50' in str(addresses), f'addresses {addresses}')
    state['server'] = server
    return f'{time.monotonic() - started:.1f} s'


def server_snapshot(tmp):
    started = time.monotonic()
    image = admin.compute.create_server_image(state['server'], name('snapshot'))
    later('server snapshot', lambda: admin.image.delete_image(image))
    wait_status(lambda: admin.image.get_image(image.id), 'active')
    took = time.monotonic() - started
    image = admin.image.get_image(image.id)
    path = os.path.join(tmp, 'snapshot')
    response = admin.image.get(f'/images/{image.id}/file', stream=True)
    response.raise_for_status()
    with open(path, 'wb') as f:
        for chunk in response.iter_content(MIB):
            f.write(chunk)
    # qemu-img compare: same guest-visible content, whatever the formats; the disk grew to the
    # flavor's 1 GiB, and compare takes the area past the image's 64 MiB as zeros.
    compare = subprocess.run(['qemu-img', 'compare', '-f', 'qcow2', '-F', image.disk_format,
                              state['qcow2_file'], path], capture_output=True, text=True)
    expect(compare.returncode == 0, f'snapshot differs from the image the server booted from: '
                                    f'{compare.stdout.strip()} {compare.stderr.strip()}')
    return f'{image.disk_format}, {os.path.getsize(path) // MIB} MiB, identical to the boot image, {took:.1f} s'


def delete_server(server):
    admin.compute.delete_server(server)
    admin.compute.wait_for_delete(server, wait=120)


def floating_ip():
    fip = admin.network.create_ip(floating_network_id=state['ext'].id, port_id=state['port'].id)
    later('floating ip', lambda: admin.network.delete_ip(fip))
    expect(admin.network.get_ip(fip.id).fixed_ip_address == '10.99.0.50', 'not bound to the fixed ip')


def volume_lifecycle():
    volume = admin.block_storage.create_volume(name=name('vol'), size=1)
    later('volume', lambda: delete_volume(volume))
    wait_status(lambda: admin.block_storage.get_volume(volume.id), 'available')
    attachment = admin.compute.create_volume_attachment(state['server'], volume_id=volume.id)
    wait_status(lambda: admin.block_storage.get_volume(volume.id), 'in-use')
    admin.compute.delete_volume_attachment(attachment.id, state['server'])
    wait_status(lambda: admin.block_storage.get_volume(volume.id), 'available')
    snapshot = admin.block_storage.create_snapshot(volume_id=volume.id, name=name('snap'))
    later('volume snapshot', lambda: delete_snapshot(snapshot))
    wait_status(lambda: admin.block_storage.get_snapshot(snapshot.id), 'available')
    state['volume'] = volume


def delete_volume(volume):
    admin.block_storage.delete_volume(volume)
    admin.block_storage.wait_for_delete(volume, wait=120)


def delete_snapshot(snapshot):
    admin.block_storage.delete_snapshot(snapshot)
    admin.block_storage.wait_for_delete(snapshot, wait=120)


def upload_volume(volume_id):
    response = admin.block_storage.post(f'/volumes/{volume_id}/action', json={'os-volume_upload_image': {
        'image_name': name('upload'), 'disk_format': 'raw', 'container_format': 'bare', 'force': False}})
    response.raise_for_status()
    image_id = response.json()['os-volume_upload_image']['image_id']
    later('uploaded image', lambda: admin.image.delete_image(image_id))
    wait_status(lambda: admin.image.get_image(image_id), 'active')
    wait_status(lambda: admin.block_storage.get_volume(volume_id), 'available')
    return image_id


def expect_raw_image_data(volume_id):
    """Uploads the volume to an image and expects the first 4 MiB of the raw image."""
    image_id = upload_volume(volume_id)
    response = admin.image.get(f'/images/{image_id}/file', stream=True)
    response.raise_for_status()
    head, size = bytearray(), 0
    for chunk in response.iter_content(MIB):
        if len(head) < 4 * MIB:
            head += chunk[:4 * MIB - len(head)]
        size += len(chunk)
    expect(hashlib.sha256(head).hexdigest() == state['raw_sha256'], 'first 4 MiB differ from the image')
    expect(size == 1024 * MIB, f'size {size}, expected 1 GiB')


def volume_round_trip():
    volume = admin.block_storage.create_volume(name=name('vfi'), size=1, image_id=state['raw'].id)
    later('volume from image', lambda: delete_volume(volume))
    wait_status(lambda: admin.block_storage.get_volume(volume.id), 'available')
    expect_raw_image_data(volume.id)
    state['data_volume'] = volume
    return 'image -> volume -> image, first 4 MiB identical, 1 GiB'


def attached_snapshot():
    """What a migration does to a running server's volume: a snapshot while attached (Cinder's
    NFS driver asks Nova to take it, os-assisted-volume-snapshots), then a volume from it."""
    volume = state['data_volume']
    admin.compute.create_volume_attachment(state['server'], volume_id=volume.id)
    wait_status(lambda: admin.block_storage.get_volume(volume.id), 'in-use')
    started = time.monotonic()
    response = admin.block_storage.post('/snapshots', json={'snapshot': {
        'volume_id': volume.id, 'name': name('attached-snap'), 'force': True}})
    response.raise_for_status()
    snapshot = admin.block_storage.get_snapshot(response.json()['snapshot']['id'])
    later('attached volume snapshot', lambda: delete_snapshot(snapshot))
    wait_status(lambda: admin.block_storage.get_snapshot(snapshot.id), 'available')
    took = time.monotonic() - started
    admin.compute.delete_volume_attachment(volume.id, state['server'])
    wait_status(lambda: admin.block_storage.get_volume(volume.id), 'available')
    copy = admin.block_storage.create_volume(name=name('vfs'), size=1, snapshot_id=snapshot.id)
    later('volume from snapshot', lambda: delete_volume(copy))
    wait_status(lambda: admin.block_storage.get_volume(copy.id), 'available')
    expect_raw_image_data(copy.id)
    return f'snapshot {took:.1f} s, live detach, volume from it has the data'


def main():
    with tempfile.TemporaryDirectory() as tmp:
        check('identity: project, user, role assignment', identity)
        check('glance: qcow2 and raw upload, download byte-identical, checksums', lambda: images(tmp))
        check('neutron: network, subnet, external network, router interface and gateway', networks)
        check('neutron: security group with tcp, icmp and remote-group rules', security_groups)
        check('neutron: port with a fixed IP', port)
        check('nova: flavor', flavor)
        check('nova: keypair', lambda: keypair(tmp))
        check('nova: boot to ACTIVE on the port', boot)
        check('neutron: floating IP on the server port', floating_ip)
        check('nova: server snapshot carries the disk\'s data', lambda: server_snapshot(tmp), needs_libvirt=True)
        check('cinder: volume create, attach, detach, snapshot', volume_lifecycle)
        check('cinder: volume from image, upload to image, data round-trips', volume_round_trip)
        check('cinder: snapshot of an attached volume (force), volume from it has the data',
              attached_snapshot, needs_libvirt=True)
    leftovers = 0
    for description, function in reversed(cleanup):
        try:
            function()
        except Exception as e:
            leftovers += 1
            print(f'cleanup of {description} failed: {e}', file=sys.stderr)
    check('cleanup: every resource the check made is deleted',
          lambda: expect(leftovers == 0, f'{leftovers} left behind'))
    print(f'{cloud}: {passed} passed, {failed} failed', flush=True)
    sys.exit(1 if failed else 0)


main()
