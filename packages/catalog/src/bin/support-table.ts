#!/usr/bin/env node
import { supportTable } from '../support-table.js';

process.stdout.write(supportTable());
