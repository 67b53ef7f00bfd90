// Small cluster objects: Leases, PriorityClasses and PodDisruptionBudgets.
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import { ageCol, col, docCol, nameCol } from './columns.js';
import { since } from './duration.js';
import { intOrString } from './format.js';
import type { Printer } from './types.js';

export const leasePrinter: Printer = {
  columns: [nameCol(), docCol('Holder', 'string', 'coordination/v1 LeaseSpec.holderIdentity'), ageCol()],
  cells(obj, now) {
    const lease = obj as unknown as Lease;
    return [lease.metadata?.name ?? '', lease.spec?.holderIdentity ?? '', since(lease.metadata?.creationTimestamp, now)];
  },
};

export const priorityClassPrinter: Printer = {
  columns: [
    nameCol(),
    docCol('Value', 'integer', 'scheduling/v1 PriorityClass.value'),
    docCol('Global-Default', 'boolean', 'scheduling/v1 PriorityClass.globalDefault'),
    ageCol(),
    docCol('PreemptionPolicy', 'string', 'scheduling/v1 PriorityClass.preemptionPolicy'),
  ],
  cells(obj, now) {
    const pc = obj as unknown as PriorityClass;
    return [pc.metadata?.name ?? '', pc.value ?? 0, pc.globalDefault ?? false, since(pc.metadata?.creationTimestamp, now), pc.preemptionPolicy ?? ''];
  },
};

export const podDisruptionBudgetPrinter: Printer = {
  columns: [
    nameCol(),
    col('Min Available', 'string', 'The minimum number of pods that must be available.'),
    col('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
    col('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
    ageCol(),
  ],
  cells(obj, now) {
    const pdb = obj as unknown as PodDisruptionBudget;
    const min = pdb.spec?.minAvailable;
    const max = pdb.spec?.maxUnavailable;
    return [
      pdb.metadata?.name ?? '',
      min === undefined ? 'N/A' : intOrString(min),
      max === undefined ? 'N/A' : intOrString(max),
      pdb.status?.disruptionsAllowed ?? 0,
      since(pdb.metadata?.creationTimestamp, now),
    ];
  },
};
