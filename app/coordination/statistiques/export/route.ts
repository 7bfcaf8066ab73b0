export { GET } from '@/app/mediation/statistiques/export/route';
