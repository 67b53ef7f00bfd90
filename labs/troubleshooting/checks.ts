// The troubleshooting lab's TypeScript check: the shop-web Service reaches its Pods. Shares the
// selector-versus-labels message with the services lab.
import type { FunctionCheck } from '../../sandbox/grading/declarative';
import { serviceReaches } from '../services/checks';

export const functions: Record<string, FunctionCheck> = {
  'troubleshooting/web-endpoints': { kinds: ['Service', 'Endpoints', 'Pod'], evaluate: (s) => serviceReaches(s, 'shop-web', 'it was there at the start; recreate it with `kubectl expose deployment shop-web --port=80`') },
};
