-- A WordPress-shaped dump written for Nimbus Lab (our own data): the tables and rows an import of a
-- small blog brings, with the options mysqldump writes around them (chapter 11, §11.2).
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;

DROP TABLE IF EXISTS `wp_options`;
CREATE TABLE `wp_options` (
  `option_id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `option_name` varchar(191) NOT NULL DEFAULT '',
  `option_value` longtext NOT NULL,
  `autoload` varchar(20) NOT NULL DEFAULT 'yes',
  PRIMARY KEY (`option_id`),
  UNIQUE KEY `option_name` (`option_name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `wp_options` WRITE;
INSERT INTO `wp_options` VALUES (1,'siteurl','http://blog.example.test','yes'),(2,'blogname','Cloud notes','yes'),(3,'blogdescription','Things learned; one at a time','yes');
UNLOCK TABLES;

DROP TABLE IF EXISTS `wp_posts`;
CREATE TABLE `wp_posts` (
  `ID` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `post_author` bigint(20) unsigned NOT NULL DEFAULT '0',
  `post_date` datetime NOT NULL DEFAULT '2000-01-01 00:00:00',
  `post_content` longtext NOT NULL,
  `post_title` text NOT NULL,
  `post_status` varchar(20) NOT NULL DEFAULT 'publish',
  PRIMARY KEY (`ID`),
  KEY `type_status_date` (`post_status`,`post_date`,`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `wp_posts` WRITE;
INSERT INTO `wp_posts` VALUES (1,1,'2026-01-05 10:00:00','Welcome! This is the first post.','Hello world','publish'),
(2,1,'2026-01-12 09:30:00','A database in a private subnet, reached from the web tier only.','Moving the database to RDS','publish'),
(3,1,'2026-01-20 18:45:00','It\'s a draft; quotes \"and\" semicolons; stay inside.','Snapshots before upgrades','draft');
UNLOCK TABLES;

/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
