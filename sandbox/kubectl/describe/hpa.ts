// HorizontalPodAutoscalers, read as autoscaling/v2 (describeHorizontalPodAutoscalerV2).
import type { KubeObject } from '../../engine/objects.js';
import { describeEvents } from './events.js';
import { printAnnotations, printLabels, quantity, rfc1123z, type Json } from './format.js';
import type { DescribeSettings } from './registry.js';
import { eventsFor } from './workloads.js';
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3 } from './writer.js';

const HPA_V2 = { group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers' };

export async function describeHpa(s: DescribeSettings, obj: KubeObject): Promise<string> {
  const hpa = (obj.apiVersion === 'autoscaling/v2' ? obj : await s.api.get({ ...HPA_V2, namespace: obj.metadata.namespace, name: obj.metadata.name })) as Json;
  const events = await eventsFor(s, obj);
  const spec = hpa.spec ?? {};
  const status = hpa.status ?? {};
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${hpa.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${hpa.metadata.namespace}\n`);
  printLabels(w, 'Labels', hpa.metadata.labels);
  printAnnotations(w, 'Annotations', hpa.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(hpa.metadata.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Reference:\t${spec.scaleTargetRef?.kind ?? ''}/${spec.scaleTargetRef?.name ?? ''}\n`);
  w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
  (spec.metrics ?? []).forEach((m: Json, i: number) => describeMetric(w, m, status.currentMetrics?.[i]));
  w.write(LEVEL_0, `Min replicas:\t${spec.minReplicas ?? '<unset>'}\n`);
  w.write(LEVEL_0, `Max replicas:\t${spec.maxReplicas ?? 0}\n`);
  if (spec.behavior) {
    w.write(LEVEL_0, 'Behavior:\n');
    describeDirection(w, 'Scale Up', spec.behavior.scaleUp);
    describeDirection(w, 'Scale Down', spec.behavior.scaleDown);
  }
  w.write(LEVEL_0, `${spec.scaleTargetRef?.kind ?? ''} pods:\t${status.currentReplicas ?? 0} current / ${status.desiredReplicas ?? 0} desired\n`);
  if (status.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t------\t-------\n');
    for (const c of status.conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  if (events) describeEvents(w, events, s.now);
  return w.toString();
}

function describeMetric(w: DescribeWriter, m: Json, current: Json): void {
  const q = (v: unknown) => quantity(v ?? '0');
  switch (m.type) {
    case 'Resource':
    case 'ContainerResource': {
      const source = m.type === 'Resource' ? m.resource : m.containerResource;
      const cur = m.type === 'Resource' ? current?.resource : current?.containerResource;
      w.write(LEVEL_1, m.type === 'Resource' ? `resource ${source.name} on pods` : `resource ${source.name} of container "${source.container}" on pods`);
      if (source.target?.averageValue !== undefined) {
        w.write(LEVEL_0, `:\t${cur ? q(cur.current?.averageValue) : '<unknown>'} / ${q(source.target.averageValue)}\n`);
      } else {
        const now = cur?.current?.averageUtilization !== undefined ? `${cur.current.averageUtilization}% (${q(cur.current.averageValue)})` : '<unknown>';
        const target = source.target?.averageUtilization !== undefined ? `${source.target.averageUtilization}%` : '<auto>';
        w.write(LEVEL_1, `(as a percentage of request):\t${now} / ${target}\n`);
      }
      return;
    }
    case 'Pods':
      w.write(LEVEL_1, `${JSON.stringify(m.pods.metric?.name ?? '')} on pods:\t${current?.pods ? q(current.pods.current?.averageValue) : '<unknown>'} / ${q(m.pods.target?.averageValue)}\n`);
      return;
    case 'Object': {
      w.write(LEVEL_1, `"${m.object.metric?.name ?? ''}" on ${m.object.describedObject?.kind ?? ''}/${m.object.describedObject?.name ?? ''} `);
      const avg = m.object.target?.type === 'AverageValue';
      const cur = current?.object ? q(avg ? current.object.current?.averageValue : current.object.current?.value) : '<unknown>';
      w.write(LEVEL_0, `(target ${avg ? 'average value' : 'value'}):\t${cur} / ${q(avg ? m.object.target?.averageValue : m.object.target?.value)}\n`);
      return;
    }
    case 'External': {
      const avg = m.external.target?.averageValue !== undefined;
      const cur = current?.external && (!avg || current.external.current?.averageValue !== undefined) ? q(avg ? current.external.current.averageValue : current.external.current?.value) : '<unknown>';
      w.write(LEVEL_1, `${JSON.stringify(m.external.metric?.name ?? '')} (target ${avg ? 'average value' : 'value'}):\t${cur} / ${q(avg ? m.external.target.averageValue : m.external.target?.value)}\n`);
      return;
    }
    default:
      w.write(LEVEL_1, `<unknown metric type ${JSON.stringify(m.type ?? '')}>\n`);
  }
}

function describeDirection(w: DescribeWriter, direction: string, rules: Json): void {
  if (!rules) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined) w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  if (rules.policies?.length) {
    w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
    w.write(LEVEL_2, 'Policies:\n');
    for (const p of rules.policies) w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
  }
}
