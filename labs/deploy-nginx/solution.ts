// How a learner solves deploy-nginx: replayed by solution.test.ts and by the browser test.
export const solution = {
  commands: ['kubectl create deployment web --image=nginx --replicas=3', 'kubectl apply -f web-declarative.yaml'],
  files: {
    '/root/web-declarative.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-declarative
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web-declarative
  template:
    metadata:
      labels:
        app: web-declarative
    spec:
      containers:
      - name: nginx
        image: nginx
`,
  } as Record<string, string>,
};
