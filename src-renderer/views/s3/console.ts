import { defineConsoleArea, lazy } from '../../console/area';

export default defineConsoleArea({
  order: 30,
  service: { id: 's3', name: 'S3', title: 'Scalable storage in the cloud', page: '/s3', keywords: ['buckets', 'objects', 'storage'] },
  routes: {
    '/s3': lazy(() => import('./BucketsList.vue')),
    '/s3/create': lazy(() => import('./CreateBucket.vue')),
    '/s3/:bucket': lazy(() => import('./BucketDetails.vue')),
  },
});
