// Every TypeScript check, by the name lab.yaml gives it (`fn: <lab>/<name>`). Add a lab's
// checks.ts here when a declarative check cannot say what it needs.
import type { FunctionCheck } from '../sandbox/grading/declarative';
import { functions as controllers } from './controllers/checks';
import { functions as deployNginx } from './deploy-nginx/checks';
import { functions as imperativeDeclarative } from './imperative-declarative/checks';
import { functions as ingress } from './ingress/checks';
import { functions as nodeMaintenance } from './node-maintenance/checks';
import { functions as resources } from './resources/checks';
import { functions as scheduling } from './scheduling/checks';
import { functions as services } from './services/checks';
import { functions as troubleshooting } from './troubleshooting/checks';

export const checkFunctions: Readonly<Record<string, FunctionCheck>> = { ...controllers, ...deployNginx, ...imperativeDeclarative, ...ingress, ...nodeMaintenance, ...resources, ...scheduling, ...services, ...troubleshooting };
