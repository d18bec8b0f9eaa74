import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { examIdSchema } from '../exams/exam-query.js';
import { parseInput } from '../validation/parse.js';
import { RenderService } from './render.service.js';
import { Requires } from '../auth/requires.decorator.js';

@ApiTags('exams')
@Controller('api/exams')
export class PixelsController {
  constructor(private readonly renders: RenderService) {}

  @Get(':id/pixels')
  @Requires('exams.read', 'exam-param')
  @ApiOperation({
    summary:
      'The radiograph’s grey values as a 16-bit PNG (bone bright, at most 1024 px tall) for window/level; ' +
      'X-Window-Center and X-Window-Width suggest the starting window',
  })
  @ApiProduces('image/png')
  async pixels(@Param('id') id: string, @Res() response: Response) {
    const { png, window } = await this.renders.pixels(parseInput(examIdSchema, id));
    response.setHeader('Content-Type', 'image/png');
    response.setHeader('Cache-Control', 'private, max-age=3600');
    response.setHeader('X-Window-Center', String(window.centre));
    response.setHeader('X-Window-Width', String(window.width));
    response.end(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  }
}
