import { s3UploadFormsFromEnv } from '#shared/adapters/s3/s3-upload-forms';
import { serviceDeskConfig } from '#shared/config/service-desk-config';
import { createUploadBodySchema } from '#shared/http/api-schemas';
import { authenticatedRoute } from '#shared/http/http-handler';
import { jsonResponse } from '#shared/http/json-response';
import { parseJsonBody, validate } from '#shared/http/request-parsing';
import { systemClockAndIds } from '#shared/use-cases/ticket-deps';
import { createUpload } from '#shared/use-cases/create-upload';

const clockAndIds = systemClockAndIds();

export const handler = authenticatedRoute(async ({ event, principal }) => {
  const body = validate(createUploadBodySchema, parseJsonBody(event), 'upload');
  const upload = await createUpload({ config: serviceDeskConfig(), uploads: s3UploadFormsFromEnv(), ...clockAndIds }, principal, body);
  return jsonResponse(201, upload);
});
