// Golden transcripts of the shell on the nodes: ssh in and out, the node tools, and what stopping
// the kubelet does to the cluster. UPDATE_GOLDEN=1 rewrites them.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../kubectl/testing.js';
import { nodeFiles } from '../engine/node-files.js';
import { screenSandbox } from './testing.js';

const golden = (name: string, text: string) => expectGolden(join(import.meta.dirname, '__golden__', name), text);

async function typeAll(s: ReturnType<typeof screenSandbox>, lines: string[]) {
  for (const l of lines) await s.type(l);
}

describe('ssh and the nodes', { timeout: 30_000 }, () => {
  it('logs in to a node and back, with its own prompt, hostname, files and history', async () => {
    const s = screenSandbox();
    await typeAll(s, ['hostname', 'ssh node01', 'hostname', 'echo $HOSTNAME', 'ls /etc/kubernetes', 'echo hi > note.txt', 'exit', 'ls', 'ssh root@node01 cat note.txt', 'ssh controlplane', 'ls /etc/kubernetes/manifests', 'logout', 'ssh node07', 'ssh', 'ssh node02 hostname; echo $?']);
    s.keys('ssh root@node\t');
    await new Promise((r) => setImmediate(r));
    s.keys('2\r');
    await s.terminal.idle();
    s.keys('\x04'); // Ctrl-D on an empty line leaves the node
    await s.terminal.idle();
    golden('ssh.txt', s.screen());
    expect(s.screen()).toContain('node02:~$ logout\nConnection to node02 closed.\ncontrolplane:~$ ');
  });

  it('writes to a node file reach the node (a static pod manifest edited on the control plane)', async () => {
    const s = screenSandbox();
    await typeAll(s, ['ssh controlplane', "sed -i 's/--leader-elect=true/--leader-elect=false/' /etc/kubernetes/manifests/kube-scheduler.yaml", 'grep leader-elect /etc/kubernetes/manifests/kube-scheduler.yaml', 'exit']);
    expect(nodeFiles(s.engine, 'controlplane')!.read('/etc/kubernetes/manifests/kube-scheduler.yaml')).toContain('--leader-elect=false');
    expect(s.fs.exists('/etc/kubernetes')).toBe(false); // the learner's own files are apart
  });

  it('moving the scheduler manifest to /tmp on the control plane stops the scheduler; moving it back starts it', async () => {
    const s = screenSandbox();
    await typeAll(s, ['ssh controlplane', 'mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/', 'ls /tmp', 'exit', 'kubectl run orphan --image=nginx', 'sleep 10', 'kubectl get pod orphan -o wide']);
    expect(nodeFiles(s.engine, 'controlplane')!.read('/etc/kubernetes/manifests/kube-scheduler.yaml')).toBeUndefined();
    expect(s.screen()).toMatch(/orphan +0\/1 +Pending +0 +10s +<none> +<none>/);
    await typeAll(s, ['ssh controlplane', 'mv /tmp/kube-scheduler.yaml /etc/kubernetes/manifests/', 'exit', 'sleep 20', 'kubectl get pod orphan -o wide']);
    expect(s.screen()).toMatch(/orphan +1\/1 +Running +0 +\d+s +[\d.]+ +node0[12]/);
  });

  it('shows the runtime, services and rules of a node; stopping the kubelet makes the node NotReady', async () => {
    const s = screenSandbox();
    await typeAll(s, ['kubectl create deploy web --image=nginx --replicas=2', 'kubectl expose deploy web --port=80', 'sleep 20', 'ssh node01', 'crictl ps', 'crictl ps -a -q | wc -l', 'crictl pods', 'crictl images', 'systemctl status kubelet', 'systemctl is-active containerd', 'systemctl stop kubelet', 'systemctl status kubelet; echo "status $?"', 'journalctl -u kubelet -n 4', 'iptables -t nat -L KUBE-SERVICES -n', 'ip addr', 'ip route', 'kubectl get nodes', 'exit', 'sleep 60', 'kubectl get nodes', 'ssh node01 systemctl start kubelet', 'sleep 10', 'kubectl get nodes', 'systemctl status foo; echo $?']);
    golden('node-tools.txt', s.screen());
    expect(s.screen()).toMatch(/node01 +NotReady/);
  });

  it('etcdctl needs the certificates; kubeadm prints a join command and its version', async () => {
    const s = screenSandbox();
    await typeAll(s, [
      'etcdctl get /registry/deployments --prefix --keys-only; echo $?',
      'export ETCDCTL_API=3',
      'etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key get /registry/namespaces --prefix --keys-only',
      'etcdctl --cacert=ca.crt --cert=s.crt --key=s.key get /registry/namespaces/default | head -1',
      'etcdctl version',
      'kubeadm token create --print-join-command',
      'kubeadm version -o short',
      'ssh node01 etcdctl version',
      'ssh node01 kubeadm join 172.30.1.2:6443 --token abc.def',
    ]);
    golden('etcdctl-kubeadm.txt', s.screen());
  });
});
