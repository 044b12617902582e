import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { AccessChangesController } from './access-changes.controller.js';
import { AccessChangesService } from './access-changes.service.js';
import { DirectorySearchController } from './directory-search.controller.js';
import { DirectorySearchService } from './directory-search.service.js';
import { DirectoryService } from './directory.service.js';
import { Organization } from './organization.entity.js';
import { OrganizationsController } from './organizations.controller.js';
import { UserAccount } from './user-account.entity.js';
import { UsersController } from './users.controller.js';

/** General CLSM data (schema clsm): never imports anything from the commission side. */
@Module({
  imports: [TypeOrmModule.forFeature([Organization, UserAccount], 'general'), AuthModule],
  controllers: [OrganizationsController, UsersController, AccessChangesController, DirectorySearchController],
  providers: [DirectoryService, AccessChangesService, DirectorySearchService],
  exports: [DirectoryService],
})
export class DirectoryModule {}
